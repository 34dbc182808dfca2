// Cleaning one table cell: conversion leftovers out, in-cell line breaks kept as "\n".

import { decodeHtmlEntities } from './entities';

/** Removes HTML tags, turning paragraph and line-break tags into line breaks. */
export function stripTags(text: string): string {
  return text
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*(p|div|li|tr|h[1-6])\s*>/gi, '\n')
    .replace(/<\s*(p|div|li|h[1-6])(\s[^>]*)?>/gi, '\n')
    .replace(/<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/gi, '');
}

/** Removes markdown emphasis (`**bold**`, `*italic*`, `__x__`) but keeps `* ` bullets. */
export function stripMarkdownEmphasis(text: string): string {
  return text
    .replace(/\*\*/g, '')
    .replace(/__(?=\S)([^_]*?\S)__/g, '$1')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]*?[^\s*])\*(?![\p{L}\p{N}])/gu, '$1$2');
}

/**
 * A bullet written inline after other text ("… cấp xã: * Nhóm các Sở…", "…; - Các phòng…")
 * starts a new line, as it did in the source document before conversion flattened it.
 */
function breakInlineBullets(line: string): string {
  return line
    .replace(/(?<!\s)\s+\*\s+(?=[\p{Lu}\p{N}])/gu, '\n* ')
    .replace(/([;:.])\s+([-+•–])\s+(?=[\p{Lu}\p{N}])/gu, '$1\n$2 ');
}

/** Markdown table separator cells: `---`, `:--`, `--:`. */
export function isSeparatorCell(cell: string): boolean {
  return /^\s*:?-{2,}:?\s*$/.test(cell);
}

const NEEDS_CLEANING = /[<&*_\n\r\t¹²³⁰⁴-⁹]|\s{2}|[;:.]\s+[-+•–]/;

/**
 * Leftovers of a PDF copy: a footnote mark glued to a word ("66-NQ/TW¹", "năm 2025²") and a word
 * hyphenated across two lines ("nhà nư-" / "ớc"). Superscript digits never belong to a plan's text.
 */
function removePdfArtefacts(text: string): string {
  return text
    .replace(/(?<=[\p{L}\p{N}/).])[¹²³⁰⁴-⁹]+/gu, '')
    .replace(/(\p{Ll})-\n(\p{Ll})/gu, '$1$2');
}

/**
 * A cell as a person reads it: no tags, entities or emphasis markers; spaces folded; each line
 * trimmed; empty lines dropped; lines joined by "\n".
 */
export function cleanCell(raw: string): string {
  // Most cells are plain text: skip the work when nothing in them needs cleaning.
  if (!NEEDS_CLEANING.test(raw)) return raw.trim();
  const text = removePdfArtefacts(stripMarkdownEmphasis(decodeHtmlEntities(stripTags(raw))));
  return breakInlineBullets(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** A cell's text on one line (for captions and labels). */
export function cleanInline(raw: string): string {
  return cleanCell(raw).replace(/\n/g, ' ');
}
