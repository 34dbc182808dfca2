// Writing XML text: the escapes and the namespaces every part of the package uses. The writer
// builds its parts as strings (fast, no tree), so every value goes through these.

/** The declaration every part starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Namespaces and relationship types of the package (ECMA-376 transitional). */
export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  relationships: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  packageRelationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text for an attribute value or element content (both quotes escaped). */
export function xmlEscape(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text;
}

/**
 * An attribute value that reads back as the same string: an XML reader turns a raw tab or line
 * end in an attribute into a space, so they are written as character references.
 */
export function attrValue(value: string): string {
  return xmlEscape(value).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/**
 * Cell text as SpreadsheetML stores it: "_xHHHH_" in a text is read by Excel as the character
 * U+HHHH, so an underscore that starts such a sequence is itself written "_x005F_".
 */
export function spreadsheetText(text: string): string {
  const escaped = xmlEscape(text);
  return escaped.includes('_x') ? escaped.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_') : escaped;
}

/** `<t>` with `xml:space="preserve"` when spaces at an edge or a line end must survive. */
export function textElement(text: string): string {
  const preserve = /^[\s]|[\s]$|\n/.test(text);
  return preserve
    ? `<t xml:space="preserve">${spreadsheetText(text)}</t>`
    : `<t>${spreadsheetText(text)}</t>`;
}

/** A relationship element. `type` is the last part of an officeDocument relationship type. */
export function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${NS.relationships}/${type}" Target="${xmlEscape(target)}"/>`;
}

/** A relationships part. */
export function relationshipsPart(items: readonly string[]): string {
  return `${XML_DECLARATION}<Relationships xmlns="${NS.packageRelationships}">${items.join('')}</Relationships>`;
}
