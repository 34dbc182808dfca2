// An office's unit directory as a person edits it: the units of a plan as directory entries,
// several units merged into one, a spelling split off into a unit of its own. Pure functions of
// their inputs; the entries are what `--units` reads (src/core/units/parse-directory.ts).

import type { PlanUnit } from '../plan/types';
import { type UnitDirectoryEntry, unitKey } from '../units';
import { viCollator } from '../units/text';

/** One edit of the directory, kept as data so it can be undone and replayed on a new reading. */
export type UnitEdit =
  /** These units are one: `into` is the name kept, the others become its aliases. */
  | { kind: 'merge'; names: string[]; into: string }
  /** `alias` (and every spelling with its key) is a unit of its own, apart from `unit`. */
  | { kind: 'split'; unit: string; alias: string };

/** A plan's units as directory entries: every spelling an alias, counts dropped. */
export function entriesOfUnits(units: readonly PlanUnit[]): UnitDirectoryEntry[] {
  return units.map((u) => ({
    name: u.name,
    aliases: u.aliases.filter((alias) => alias !== u.name),
    group: u.group,
    members: [...(u.members ?? [])],
  }));
}

const copy = (e: UnitDirectoryEntry): UnitDirectoryEntry => ({
  ...e,
  aliases: [...e.aliases],
  members: [...e.members],
});

/** The entry that names `name` (as its name or an alias, compared by unitKey). */
function indexOf(entries: readonly UnitDirectoryEntry[], name: string): number {
  const exact = entries.findIndex((e) => e.name === name);
  if (exact >= 0) return exact;
  const key = unitKey(name);
  return entries.findIndex((e) => [e.name, ...e.aliases].some((n) => unitKey(n) === key));
}

/** The entry for `name`: from the list, else made from the plan's unit of that name. */
function entryFor(
  entries: UnitDirectoryEntry[],
  units: readonly PlanUnit[],
  name: string,
): { entry: UnitDirectoryEntry; index: number } {
  const i = indexOf(entries, name);
  if (i >= 0) return { entry: entries[i]!, index: i };
  const unit = units.find((u) => u.name === name);
  const entry = unit
    ? entriesOfUnits([unit])[0]!
    : { name, aliases: [], group: false, members: [] };
  entries.push(entry);
  return { entry, index: entries.length - 1 };
}

function uniqueNames(names: string[], except: string): string[] {
  const out: string[] = [];
  for (const n of names) if (n !== except && !out.includes(n)) out.push(n);
  return out.sort(viCollator.compare);
}

/** Applies one edit; the list given is not changed. `units` are the plan's, for names the
 * directory does not hold yet. */
export function applyUnitEdit(
  entries: readonly UnitDirectoryEntry[],
  units: readonly PlanUnit[],
  edit: UnitEdit,
): UnitDirectoryEntry[] {
  const out = entries.map(copy);
  if (edit.kind === 'merge') {
    const names = [edit.into, ...edit.names.filter((n) => n !== edit.into)];
    const found = names.map((n) => entryFor(out, units, n));
    const merged = new Set(found.map((f) => f.entry));
    const target = found[0]!.entry;
    const spellings = [...merged].flatMap((e) => [e.name, ...e.aliases]);
    const result: UnitDirectoryEntry = {
      name: edit.into,
      aliases: uniqueNames(spellings, edit.into),
      group: target.group,
      members: [...new Set([...merged].flatMap((e) => e.members))],
    };
    const first = Math.min(...found.map((f) => out.indexOf(f.entry)));
    const kept = out.filter((e) => !merged.has(e));
    kept.splice(Math.min(first, kept.length), 0, result);
    return kept;
  }
  const { entry, index } = entryFor(out, units, edit.unit);
  const key = unitKey(edit.alias);
  if (unitKey(entry.name) === key) return out;
  const moved = entry.aliases.filter((alias) => unitKey(alias) === key);
  if (moved.length === 0) return out;
  out[index] = { ...entry, aliases: entry.aliases.filter((alias) => unitKey(alias) !== key) };
  out.splice(index + 1, 0, {
    name: edit.alias,
    aliases: uniqueNames(moved, edit.alias),
    group: entry.group,
    members: [],
  });
  return out;
}

/** Applies edits in order. */
export function applyUnitEdits(
  entries: readonly UnitDirectoryEntry[],
  units: readonly PlanUnit[],
  edits: readonly UnitEdit[],
): UnitDirectoryEntry[] {
  return edits.reduce<UnitDirectoryEntry[]>(
    (acc, edit) => applyUnitEdit(acc, units, edit),
    entries.map(copy),
  );
}
