import { promises as fs } from 'fs';
import { extname } from 'path';
import { parseUnitDirectory, type UnitDirectoryEntry } from '../core/units';
import { CliError } from './errors';

/** Reads an office's unit directory (`--units FILE`, JSON or CSV). */
export async function loadUnitDirectory(path: string): Promise<UnitDirectoryEntry[]> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch {
    throw new CliError('unit-directory-unreadable', { path });
  }
  const format = extname(path).toLowerCase() === '.csv' ? 'csv' : 'json';
  try {
    return parseUnitDirectory(text.replace(/^\uFEFF/, ''), format);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // The core's messages are "Vietnamese / English": give each language its half.
    const [vi = detail, en = vi] = detail.split(' / ');
    throw new CliError('unit-directory-invalid', { path, reason: { vi, en } });
  }
}
