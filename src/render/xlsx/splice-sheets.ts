// The large parts of a splice, edited in one streaming pass each (see xml-edit): the shared
// strings (new strings appended to the old table, equal ones reused) and the new worksheets
// (style, differential-format and shared-string indices renumbered into the old workbook's).
// Everything not renumbered is copied character for character.

import type { StyleMaps } from './splice-styles';
import {
  applyEdits,
  attributeValueAt,
  rootNamespace,
  scanXml,
  startTag,
  type ScannedTag,
  type TextEdit,
} from './xml-edit';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

interface StringItem {
  /** The item's text when it is plain text, else its markup: equal keys, equal strings. */
  key: string;
  /** The whole `<si>…</si>` as written. */
  raw: string;
  /** The item's start tag (to add a namespace declaration when moved). */
  tag: ScannedTag;
}

interface StringTable {
  root: ScannedTag;
  /** Offset of the root's end tag (the root's start when it is self-closing). */
  rootClose: number;
  items: StringItem[];
}

function readStrings(part: string, text: string): StringTable {
  let root: ScannedTag | undefined;
  let rootClose = -1;
  const items: StringItem[] = [];
  let item: ScannedTag | undefined;
  let children = 0;
  let plain = true;
  let inText = false;
  let value = '';
  scanXml(part, text, {
    open: (tag) => {
      if (tag.depth === 0) root = tag;
      else if (tag.depth === 1 && tag.local === 'si') {
        item = tag;
        children = 0;
        plain = true;
        value = '';
        if (tag.selfClosing) {
          items.push({ key: '\u0000', raw: text.slice(tag.start, tag.end), tag });
          item = undefined;
        }
      } else if (item && tag.depth === 2) {
        children++;
        if (tag.local !== 't') plain = false;
        inText = tag.local === 't' && !tag.selfClosing;
      }
    },
    close: (tag) => {
      if (tag.depth === 0) rootClose = tag.start;
      else if (item && tag.depth === 1 && tag.local === 'si') {
        const raw = text.slice(item.start, tag.end);
        const key = plain && children <= 1 ? `t\u0000${value}` : `r\u0000${raw}`;
        items.push({ key, raw, tag: item });
        item = undefined;
      } else if (tag.depth === 2) inText = false;
    },
    text: (t) => {
      if (item && inText) value += t;
    },
  });
  if (!root) throw new Error(`${part}: no root element`);
  return { root, rootClose, items };
}

export interface MergedStrings {
  text: string;
  /** New string index → merged index. */
  map: number[];
}

/**
 * Appends the new workbook's shared strings (`freshText`) to the old table (`oldText`);
 * strings already there are reused, the old indices stay.
 */
export function mergeSharedStrings(
  oldPart: string,
  oldText: string,
  freshText: string,
): MergedStrings {
  const old = readStrings(oldPart, oldText);
  const fresh = readStrings('sharedStrings.xml (new)', freshText);
  const index = new Map<string, number>();
  old.items.forEach((s, i) => {
    if (!index.has(s.key)) index.set(s.key, i);
  });
  // New items carry the main namespace themselves when the old root does not make it the
  // default (a prefixed <x:sst>, say).
  const oldDefault = old.root.attributes['xmlns'];
  const freshDefault = rootNamespace(fresh.root) ?? MAIN_NS;
  const declare = oldDefault !== freshDefault || old.root.name.includes(':');
  let count = old.items.length;
  const added: string[] = [];
  const map = fresh.items.map((s) => {
    const hit = index.get(s.key);
    if (hit !== undefined) return hit;
    index.set(s.key, count);
    if (declare && !s.tag.name.includes(':')) {
      const attrs = { ...s.tag.attributes, xmlns: freshDefault };
      added.push(
        startTag(s.tag.name, attrs, s.tag.selfClosing) + s.raw.slice(s.tag.end - s.tag.start),
      );
    } else added.push(s.raw);
    return count++;
  });

  const attrs = { ...old.root.attributes };
  const oldCount = Number(attrs['count']);
  const freshCount = Number(fresh.root.attributes['count']);
  attrs['count'] = String(
    (Number.isFinite(oldCount) ? oldCount : old.items.length) +
      (Number.isFinite(freshCount) ? freshCount : fresh.items.length),
  );
  attrs['uniqueCount'] = String(count);
  const edits: TextEdit[] = [];
  if (old.root.selfClosing) {
    edits.push({
      start: old.root.start,
      end: old.root.end,
      text: `${startTag(old.root.name, attrs, false)}${added.join('')}</${old.root.name}>`,
    });
  } else {
    edits.push({
      start: old.root.start,
      end: old.root.end,
      text: startTag(old.root.name, attrs, false),
    });
    edits.push({ start: old.rootClose, end: old.rootClose, text: added.join('') });
  }
  return { text: applyEdits(oldText, edits), map };
}

export interface SheetMaps extends StyleMaps {
  /** New shared-string index → merged; undefined when the strings were not merged. */
  strings?: number[];
}

/**
 * A new worksheet with its indices renumbered: c/@s, row/@s, col/@style (cell formats),
 * cfRule/@dxfId (differential formats, x14 rules included) and the shared-string index of
 * t="s" cells.
 */
export function renumberSheet(part: string, text: string, maps: SheetMaps): string {
  const edits: TextEdit[] = [];
  // Only the value changes: the tag is otherwise left as written.
  const remap = (tag: ScannedTag, attr: string, map: number[]): void => {
    const value = tag.attributes[attr];
    if (value === undefined) return;
    const to = map[Number(value)];
    if (to === undefined || String(to) === value) return;
    const at = attributeValueAt(text, tag, attr);
    if (at) edits.push({ start: at.start, end: at.end, text: String(to) });
  };
  // A cell written without a style has the workbook's default (index 0); when the new default
  // went elsewhere, such cells name it, so they look as the new workbook drew them.
  const defaultXf = maps.xf[0] !== undefined && maps.xf[0] !== 0 ? String(maps.xf[0]) : undefined;
  let sharedCell: ScannedTag | undefined;
  let valueStart = -1;
  const strings = maps.strings;
  scanXml(part, text, {
    open: (tag) => {
      switch (tag.local) {
        case 'c': {
          if (tag.attributes['s'] === undefined && defaultXf !== undefined) {
            const at = tag.start + 1 + tag.name.length;
            edits.push({ start: at, end: at, text: ` s="${defaultXf}"` });
          } else remap(tag, 's', maps.xf);
          sharedCell = strings && tag.attributes['t'] === 's' ? tag : undefined;
          break;
        }
        case 'v':
          if (sharedCell && tag.depth === sharedCell.depth + 1) valueStart = tag.end;
          break;
        case 'row':
          remap(tag, 's', maps.xf);
          break;
        case 'col':
          remap(tag, 'style', maps.xf);
          break;
        case 'cfRule':
          remap(tag, 'dxfId', maps.dxf);
          break;
      }
    },
    close: (tag) => {
      if (tag.local === 'v' && valueStart >= 0 && strings) {
        const index = Number(text.slice(valueStart, tag.start).trim());
        const to = strings[index];
        if (to !== undefined && to !== index)
          edits.push({ start: valueStart, end: tag.start, text: String(to) });
        valueStart = -1;
      } else if (tag.local === 'c') sharedCell = undefined;
    },
  });
  return applyEdits(text, edits);
}

const SHEET_DATA = /<(?:[A-Za-z_][\w.-]*:)?sheetData[\s/>]/;

/**
 * The part with its sheet views no longer selected (tabSelected), or null when none was:
 * only the sheetView tags change. Only the part before the cells is read.
 */
export function unselectSheet(part: string, text: string): string | null {
  const m = SHEET_DATA.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const edits: TextEdit[] = [];
  scanXml(
    part,
    head,
    {
      open: (tag) => {
        if (tag.local !== 'sheetView') return;
        const v = tag.attributes['tabSelected'];
        if (v !== '1' && v !== 'true') return;
        const attrs = { ...tag.attributes };
        delete attrs['tabSelected'];
        edits.push({
          start: tag.start,
          end: tag.end,
          text: startTag(tag.name, attrs, tag.selfClosing),
        });
      },
    },
    m !== null,
  );
  return edits.length > 0 ? applyEdits(text, edits) : null;
}
