// Every package the shipped code imports is declared in package.json's dependencies: a package
// that only arrives through another one (as @fluentui/react-icons did, through Fluent UI) can
// change or vanish with that other package's next release.

import { builtinModules } from 'module';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { ROOT } from '../helpers/scripts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|js)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The package a module specifier names (`@scope/name/deep` → `@scope/name`), or null. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return null;
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!))
    return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Packages each file loads at run time: imports, re-exports, import() and require(). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  const patterns = [
    /^\s*import\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm,
    /^\s*export\s+(?!type\b)[^'";]*?\sfrom\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const name = packageOf(m[1]!);
      if (name) found.push(name);
    }
  }
  return found;
}

describe('dependencies', () => {
  const files = sources(join(ROOT, 'src'));

  it('every package src/ loads is a declared dependency', () => {
    const undeclared = files.flatMap((file) =>
      runtimeImports(file)
        .filter((name) => !(name in pkg.dependencies))
        .map((name) => `${relative(ROOT, file)}: ${name}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('sees the imports it checks (the icons of the pane)', () => {
    const icons = files.filter((file) => runtimeImports(file).includes('@fluentui/react-icons'));
    expect(icons.length).toBeGreaterThanOrEqual(7);
    // Pinned: the version Fluent UI's own packages resolve, so the pane ships one copy.
    expect(pkg.dependencies['@fluentui/react-icons']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
