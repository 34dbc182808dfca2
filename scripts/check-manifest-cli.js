#!/usr/bin/env node
/**
 * Runs the offline manifest check from a shell, without a TypeScript runner:
 *
 *   node scripts/check-manifest-cli.js [manifest.xml] [--base https://host:port]
 *
 * scripts/check-manifest.ts is transpiled in memory with the project's TypeScript compiler.
 * Exit code 0 when the manifest passes, 1 with the list of problems otherwise.
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
  let manifest = path.join(rootDir, 'manifest.xml');
  let baseUrl;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--base') baseUrl = argv[++i];
    else manifest = path.resolve(argv[i]);
  }
  const { checkManifest } = loadChecker();
  const problems = checkManifest(fs.readFileSync(manifest, 'utf8'), rootDir, { baseUrl });
  const name = path.relative(process.cwd(), manifest) || manifest;
  if (problems.length === 0) {
    console.log(`${name}: OK`);
    return 0;
  }
  console.error(`${name}: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  - ${p}`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
