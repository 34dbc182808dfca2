import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Plan } from '../../src/core/plan/types';

export const SEED_DIR = join(__dirname, '..', 'fixtures', 'seeds');
export const GOLDEN_DIR = join(__dirname, '..', 'golden');

/** The five real plans, by file name without extension. */
export const SEEDS = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''))
  .sort();

export function seedPath(name: string): string {
  return join(SEED_DIR, `${name}.txt`);
}

export function seedText(name: string): string {
  return readFileSync(seedPath(name), 'utf8');
}

/** Seeds by their three-digit prefix ("000"). */
export function seedNamed(prefix: string): string {
  const name = SEEDS.find((s) => s.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return name;
}

export type GoldenPlan = Partial<Omit<Plan, 'tables'>> & {
  tables: Partial<Plan['tables'][number]>[];
};

export function golden(name: string): GoldenPlan {
  return JSON.parse(readFileSync(join(GOLDEN_DIR, `${name}.json`), 'utf8')) as GoldenPlan;
}
