#!/usr/bin/env node
/**
 * Runs the offline manifest check from a shell, without a TypeScript runner:
 *
 *   node scripts/check-manifest-cli.js [manifest.xml …] [--base https://host:port | --base auto]
 *
 * Without a file: manifest.xml (the dev server's, https://localhost:3000) and, when a build wrote
 * it, dist/manifest.xml, checked against the address it was built for (its SourceLocation's
 * folder: `--base auto`). scripts/check-manifest.ts is transpiled in memory with the project's
 * TypeScript compiler. Exit code 0 when every manifest passes, 1 with the problems otherwise.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');

function loadChecker() {
  const file = path.join(__dirname, 'check-manifest.ts');
  const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  mod._compile(outputText, file);
  return mod.exports;
}

function main(argv) {
  const rootDir = path.join(__dirname, '..');
  const files = [];
  let base;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--base') base = argv[++i];
    else files.push({ file: path.resolve(argv[i]), base: undefined });
  }
  if (files.length === 0) {
    files.push({ file: path.join(rootDir, 'manifest.xml'), base: undefined });
    const built = path.join(rootDir, 'dist', 'manifest.xml');
    if (fs.existsSync(built)) files.push({ file: built, base: 'auto' });
  }
  const { checkManifest, manifestBase } = loadChecker();
  let failed = 0;
  for (const entry of files) {
    const xml = fs.readFileSync(entry.file, 'utf8');
    const wanted = base ?? entry.base;
    const baseUrl = wanted === 'auto' ? manifestBase(xml) : wanted;
    const problems = checkManifest(xml, rootDir, { baseUrl });
    const name = path.relative(process.cwd(), entry.file) || entry.file;
    const against = baseUrl ? ` (${baseUrl})` : '';
    if (problems.length === 0) {
      console.log(`${name}${against}: OK`);
      continue;
    }
    failed++;
    console.error(`${name}${against}: ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  - ${p}`);
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
