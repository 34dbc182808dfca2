/**
 * Webpack build for the Excel add-in (task pane + ribbon function file).
 *
 *   npx webpack --mode production          → dist/ (contenthash file names)
 *   npx webpack serve --mode development   → http://localhost:3000/taskpane.html
 *
 * Office.js is served from a local copy (dist/office-js), never from a CDN: nothing fetches from
 * the network at run time.
 *
 * Code splitting: the pane's first load is React, Fluent UI and the reading pipeline. What only
 * some people need is loaded on first use, each part in a chunk of its own (src/taskpane/lazy.ts):
 * `layout` (plan → workbook layout), `xlsx` (the .xlsx writer and reader) with `exceljs` (the
 * ExcelJS library), `docx` (the .docx reader), `pdf` (the PDF reader with PDF.js), `excel` (the Office.js reader and renderer,
 * inside Excel only) and `sample` (the sample plan). A production build prints the gzip size of
 * the pane's initial JavaScript and of every chunk loaded on demand, and writes them to
 * dist/bundle-size.json.
 *
 * Options (`--env name=value`): `outputPath=DIR` builds elsewhere than dist/ (the browser tests);
 * `noOfficeCopy` skips copying office.js (a server that serves it from node_modules). dist/ is shared with `tsc -p tsconfig.cli.json` (dist/core,
 * dist/cli), so cleaning keeps those folders.
 *
 * Dev server: plain http by default. Set DEV_SERVER_HTTPS=1 for https with webpack-dev-server's
 * self-signed certificate, or DEV_SERVER_CERT/DEV_SERVER_KEY to PEM files (e.g. the ones
 * office-addin-dev-certs installs). Excel desktop only loads https add-ins.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const DIST = path.join(ROOT, 'dist');
const PORT = Number(process.env.DEV_SERVER_PORT || 3000);

/** HTTP(S) settings for webpack-dev-server from the environment. */
function devServerProtocol() {
  const cert = process.env.DEV_SERVER_CERT;
  const key = process.env.DEV_SERVER_KEY;
  if (cert && key) {
    return { type: 'https', options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } };
  }
  return process.env.DEV_SERVER_HTTPS === '1' ? 'https' : 'http';
}

/** ExcelJS's own browser build, already minified: not parsed, not minified again. */
const EXCELJS = /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]/;

/** The pane's entry point: its initial JavaScript must stay under this, gzip (issue M5). */
const INITIAL_JS_BUDGET = 400 * 1024;

/**
 * After a production build: gzip sizes of the pane's initial JavaScript and of each on-demand
 * chunk, printed and written to bundle-size.json next to the bundle.
 */
class BundleSizeReport {
  apply(compiler) {
    compiler.hooks.done.tap('PhuLucBundleSize', (stats) => {
      const compilation = stats.compilation;
      if (compilation.errors.length > 0) return;
      const outDir = compilation.outputOptions.path;
      // Emitted assets keep only their size: read them back from the output file system.
      const out = compiler.outputFileSystem;
      const gzip = (file) => {
        const buffer = Buffer.from(out.readFileSync(path.join(outDir, file)));
        return { file, bytes: buffer.length, gzip: zlib.gzipSync(buffer, { level: 9 }).length };
      };
      const entry = compilation.entrypoints.get('taskpane');
      const initialFiles = [...entry.getFiles()].filter((f) => f.endsWith('.js'));
      const initial = initialFiles.map(gzip);
      const initialIds = new Set(entry.chunks.map((c) => c.id));
      const lazy = [];
      for (const chunk of compilation.chunks) {
        if (initialIds.has(chunk.id) || chunk.hasRuntime() || chunk.canBeInitial()) continue;
        for (const file of chunk.files) {
          if (file.endsWith('.js'))
            lazy.push({ chunk: chunk.name ?? String(chunk.id), ...gzip(file) });
        }
      }
      lazy.sort((a, b) => a.chunk.localeCompare(b.chunk));
      const sum = (xs, k) => xs.reduce((n, x) => n + x[k], 0);
      const report = {
        initial: { files: initial, bytes: sum(initial, 'bytes'), gzip: sum(initial, 'gzip') },
        lazy,
        budget: { initialGzip: INITIAL_JS_BUDGET },
      };
      out.writeFileSync(path.join(outDir, 'bundle-size.json'), JSON.stringify(report, null, 2));
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
      const lines = [
        '',
        'PhuLuc task pane, JavaScript sizes (minified → gzip):',
        `  initial (taskpane)   ${kb(report.initial.bytes)} → ${kb(report.initial.gzip)}` +
          `   budget ${kb(INITIAL_JS_BUDGET).trim()} gzip${report.initial.gzip > INITIAL_JS_BUDGET ? '  ** OVER BUDGET **' : ''}`,
        ...lazy.map((c) => `  on demand: ${c.chunk.padEnd(9)}${kb(c.bytes)} → ${kb(c.gzip)}`),
        '',
      ];
      console.log(lines.join('\n'));
    });
  }
}

/**
 * ExcelJS's browser build is minified already: mark its chunk so the minimizer leaves it alone
 * (minifying 900 KB again costs half a minute and saves nothing).
 */
class KeepPrebuiltMinified {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PhuLucPrebuilt', (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: 'PhuLucPrebuilt',
          stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1,
        },
        () => {
          for (const chunk of compilation.chunks) {
            if (chunk.name !== 'exceljs') continue;
            for (const file of chunk.files) {
              compilation.updateAsset(file, (source) => source, { minimized: true });
            }
          }
        },
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const outputPath = env.outputPath ? path.resolve(env.outputPath) : DIST;
  const copyOfficeJs = !env.noOfficeCopy;
  const hashed = (name) => (production ? `${name}.[contenthash:8]` : name);
  const server = devServerProtocol();
  const scheme = typeof server === 'string' ? server : server.type;

  return {
    mode: production ? 'production' : 'development',
    context: ROOT,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: outputPath,
      publicPath: '',
      filename: `${hashed('[name]')}.js`,
      chunkFilename: `${hashed('[name]')}.js`,
      // Keep the CLI that `tsc -p tsconfig.cli.json` writes to dist/core and dist/cli.
      clean: { keep: /^(core|cli)([\\/]|$)/ },
    },
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
    module: {
      noParse: EXCELJS,
      rules: [
        {
          // The bundled sample plan, as a string.
          test: /\.txt$/,
          type: 'asset/source',
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.join(ROOT, 'tsconfig.json'),
              // tsconfig.json emits CommonJS (for jest and the CLI); hand webpack ES modules so it
              // can tree-shake Fluent UI instead of bundling all of it.
              compilerOptions: { module: 'es2020', sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      // Static bilingual help page (SupportUrl and GetStarted "learn more" in the manifest).
      new HtmlWebpackPlugin({
        filename: 'help.html',
        template: './src/taskpane/help.html',
        chunks: [],
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          ...(copyOfficeJs
            ? [
                {
                  // office.js loads its host- and locale-specific files from its own folder.
                  from: 'node_modules/@microsoft/office-js/dist',
                  to: 'office-js',
                  globOptions: { ignore: ['**/*.d.ts'] },
                  info: { minimized: true },
                },
              ]
            : []),
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
      new KeepPrebuiltMinified(),
      ...(production ? [new BundleSizeReport()] : []),
    ],
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          // Each on-demand chunk keeps its own libraries (PDF.js in pdf…), named after it,
          // except ExcelJS: a chunk of its own that the xlsx chunk pulls in.
          defaultVendors: false,
          default: false,
          exceljs: { test: EXCELJS, name: 'exceljs', chunks: 'async', enforce: true },
        },
      },
    },
    performance: production
      ? {
          hints: 'warning',
          // Our own bundles only; the copied Office.js files are not ours to size, and ExcelJS
          // (loaded on demand, for downloads only) and PDF.js (for PDF files only) are reported by
          // BundleSizeReport.
          assetFilter: (file) =>
            file.endsWith('.js') &&
            !file.startsWith('office-js/') &&
            !file.startsWith('exceljs.') &&
            !file.startsWith('pdf.'),
          maxAssetSize: 800 * 1024,
          maxEntrypointSize: 800 * 1024,
        }
      : false,
    stats: production
      ? { assets: true, assetsSpace: 12, excludeAssets: [/^office-js\//] }
      : 'minimal',
    devServer: {
      port: PORT,
      host: 'localhost',
      server,
      static: { directory: DIST, watch: false },
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: { warnings: false, errors: true } },
      hot: false,
      liveReload: true,
      open: false,
      // The address alone opens the pane (the standalone page).
      setupMiddlewares(middlewares, devServer) {
        devServer.app.get('/', (_req, res) => res.redirect('/taskpane.html'));
        return middlewares;
      },
      onListening(devServer) {
        const url = `${scheme}://localhost:${PORT}`;
        devServer.compiler.hooks.done.tap('PhuLucUrl', () => {
          console.log(
            `\nPhuLuc task pane: ${url}/taskpane.html (manifest: ${url}/manifest.xml)\n` +
              `PhuLuc — trang dùng ngoài Excel / standalone page: ${url}/\n`,
          );
        });
      },
    },
  };
};
