// The pane's settings: what the workbook is built with, remembered between sessions.

import type { IsoDate } from '../../core/plan/types';
import { parseIsoDate, validIsoDate } from '../../core/time/calendar';
import { parseUnitDirectory, type UnitDirectoryEntry } from '../../core/units';
import { writeUnitDirectory } from '../../core/unitdir';
import type { Language } from '../i18n';

export interface Settings {
  /** A fixed report date, or null: the workbook uses TODAY() and moves with the calendar. */
  reportDate: IsoDate | null;
  /** Unfinished tasks due within this many days are "due soon". */
  dueSoonDays: number;
  /** "Trước ngày X" counts X itself. */
  beforeInclusive: boolean;
  /** Unit sheets list the tasks a unit coordinates too. */
  includeSupport: boolean;
  /** Collective units ("Các phòng chuyên môn") get a sheet of their own. */
  groupSheets: boolean;
  /** The pane's and the workbook's language. */
  language: Language;
}

export const DEFAULT_SETTINGS: Settings = {
  reportDate: null,
  dueSoonDays: 7,
  beforeInclusive: false,
  includeSupport: true,
  groupSheets: false,
  language: 'vi',
};

export const DUE_SOON_MIN = 1;
export const DUE_SOON_MAX = 60;

/** Where settings are kept (localStorage in the browser; a map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'phuluc.settings.v1';

/** Years a report date may fall in. */
const inYears = (year: number): boolean => year >= 1900 && year <= 2200;

function isIsoDate(value: unknown): value is IsoDate {
  return (
    typeof value === 'string' && parseIsoDate(value) !== null && inYears(Number(value.slice(0, 4)))
  );
}

function validDate(year: number, month: number, day: number): IsoDate | null {
  return inYears(year) ? validIsoDate(year, month, day) : null;
}

/** "30/6/2024", "30-06-2024", "30.06.2024" → "2024-06-30"; null when not a real date. */
export function parseViDate(text: string): IsoDate | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** Settings from storage, every field checked; anything odd falls back to the default. */
export function loadSettings(storage: KeyValueStorage | null): Settings {
  let raw: unknown;
  try {
    const text = storage?.getItem(KEY);
    raw = text ? JSON.parse(text) : null;
  } catch {
    raw = null;
  }
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_SETTINGS };
  const r = raw as Record<string, unknown>;
  const days = Number(r.dueSoonDays);
  return {
    reportDate: isIsoDate(r.reportDate) ? r.reportDate : null,
    dueSoonDays:
      Number.isInteger(days) && days >= DUE_SOON_MIN && days <= DUE_SOON_MAX
        ? days
        : DEFAULT_SETTINGS.dueSoonDays,
    beforeInclusive: r.beforeInclusive === true,
    includeSupport: r.includeSupport !== false,
    groupSheets: r.groupSheets === true,
    language: r.language === 'en' ? 'en' : 'vi',
  };
}

export function saveSettings(storage: KeyValueStorage | null, settings: Settings): void {
  try {
    storage?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage full or blocked (private mode, locked-down Office): settings last for the session.
  }
}

const UNITS_KEY = 'phuluc.units.v1';

/**
 * The office's unit directory kept on this computer (the `--units` JSON format), or null. A
 * stored value that no longer reads is dropped rather than trusted.
 */
export function loadOfficeUnits(storage: KeyValueStorage | null): UnitDirectoryEntry[] | null {
  try {
    const text = storage?.getItem(UNITS_KEY);
    if (!text) return null;
    const entries = parseUnitDirectory(text, 'json');
    return entries.length > 0 ? entries : null;
  } catch {
    return null;
  }
}

export function saveOfficeUnits(
  storage: KeyValueStorage | null,
  entries: readonly UnitDirectoryEntry[] | null,
): void {
  try {
    storage?.setItem(UNITS_KEY, entries ? writeUnitDirectory(entries, 'json') : '');
  } catch {
    // As for settings: kept for the session only.
  }
}
