// Jest runs CommonJS; PDF.js ships ES modules only (.mjs). This transform rewrites them to
// CommonJS with TypeScript's transpiler (no type checking), and `import.meta.url` to the file's
// URL. Jest caches the result, so the price (a few seconds) is paid once per machine.
'use strict';

const ts = require('typescript');
const crypto = require('crypto');

module.exports = {
  getCacheKey(source, path) {
    return crypto
      .createHash('sha1')
      .update('esm-transform-3')
      .update(path)
      .update(source)
      .digest('hex');
  },
  process(source, path) {
    const withUrl = source.replace(/\bimport\.meta\.url\b/g, '("file://" + __filename)');
    const out = ts.transpileModule(withUrl, {
      // A .js name: with .mjs, TypeScript would keep the file an ES module.
      fileName: path.replace(/\.mjs$/, '.js'),
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        sourceMap: false,
      },
    });
    return { code: out.outputText };
  },
};
