#!/usr/bin/env node
// `npx phuluc` looks in node_modules/.bin; npm links the bins of dependencies there but not the
// project's own. Run by the "prepare" script so `npx phuluc …` works right after `npm ci`.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const binDir = path.join(root, 'node_modules', '.bin');
const target = path.join(root, 'bin', 'phuluc.js');
fs.mkdirSync(binDir, { recursive: true });

if (process.platform === 'win32') {
  fs.writeFileSync(path.join(binDir, 'phuluc.cmd'), `@node "${target}" %*\r\n`);
} else {
  const link = path.join(binDir, 'phuluc');
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.relative(binDir, target), link);
}
