#!/usr/bin/env node
// The `phuluc` command. The TypeScript is compiled to lib/ on `npm ci` / `npm install`
// (the "prepare" script); run `npm run build:cli` after changing the sources.
const path = require('path');
const entry = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
let cli;
try {
  cli = require(entry);
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(entry)) {
    process.stderr.write(
      'phuluc: Lỗi: chưa biên dịch; hãy chạy "npm run build:cli". / Error: not built yet; run "npm run build:cli".\n',
    );
    process.exit(2);
  }
  throw error;
}
cli.run();
