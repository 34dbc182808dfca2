/**
 * Webpack build for the Excel add-in (task pane + ribbon function file).
 *
 *   npx webpack --mode production          → dist/ (contenthash file names)
 *   npm start (scripts/dev-server.js)      → https://localhost:3000/
 *
 * Office.js is served from a local copy (dist/office-js), never from a CDN: nothing fetches from
 * the network at run time.
 *
 * Code splitting: the pane's first load is React, Fluent UI and the reading pipeline. What only
 * some people need is loaded on first use, each part in a chunk of its own (src/taskpane/lazy.ts):
 * `layout` (plan → workbook layout), `xlsx` (the .xlsx writer and reader), `docx` (the .docx reader), `pdf` (the PDF reader with PDF.js), `excel` (the Office.js reader and renderer,
 * inside Excel only) and `sample` (the sample plan). A production build prints the gzip size of
 * the pane's initial JavaScript and of every chunk loaded on demand, and writes them to
 * dist/bundle-size.json.
 *
 * Options (`--env name=value`): `outputPath=DIR` builds elsewhere than dist/ (the browser tests);
 * `noOfficeCopy` skips copying office.js (a server that serves it from node_modules);
 * `addinUrl=https://…` (or the ADDIN_URL environment variable) is the address the built
 * manifest points at (scripts/addin-url.js). dist/ holds only the pages: the command line is
 * compiled to lib/ (`tsc -p tsconfig.cli.json`).
 *
 * Pages: taskpane.html (what Office loads: office.js when an Office host opened it, then the
 * pane), index.html (the standalone page for any browser: the same pane without office.js),
 * commands.html (the ribbon's function file) and help.html. Each carries the
 * Content-Security-Policy of scripts/csp.js in a <meta> tag; the pane pages start with
 * src/taskpane/old-host.js (plain ES5), which tells people whose Office shows add-ins in Internet
 * Explorer or the old Edge what to do instead of a blank pane; taskpane.html then runs
 * src/taskpane/office-host.js (plain ES5), which loads office.js only inside an Office host.
 *
 * Dev server (`npm start` runs scripts/dev-server.js, which runs this configuration): https with
 * the certificates of `npm run certs` (office-addin-dev-certs), or DEV_SERVER_CERT/DEV_SERVER_KEY;
 * plain http, with the reason, when there are none (Excel loads add-ins over https only). It
 * answers only its own origin: Host must be localhost or 127.0.0.1, a request from another
 * origin (Origin header, or Sec-Fetch-Site other than same-origin) is refused except to open a
 * page or an image (Excel on the web frames the pane and shows the ribbon icons), and every
 * response carries the header policy of scripts/csp.js (with frame-ancestors).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const addinUrl = require('./scripts/addin-url');
const csp = require('./scripts/csp');
const { devServerTls } = require('./scripts/dev-certs');

const ROOT = __dirname;
const DIST = path.join(ROOT, 'dist');
const PORT = Number(process.env.DEV_SERVER_PORT || 3000);

/**
 * The pane pages' first scripts: plain ES5 for any browser (old Office hosts), shipped as written
 * (webpack's runtime and the minifier's output are not ES5), named with their content hash in the
 * pages so a new version is never read from a cache.
 */
const OLD_HOST = { from: 'src/taskpane/old-host.js', to: 'old-host.js' };
const OFFICE_HOST = { from: 'src/taskpane/office-host.js', to: 'office-host.js' };

function contentHash(file) {
  const hash = require('node:crypto').createHash('sha256');
  return hash
    .update(fs.readFileSync(path.join(ROOT, file)))
    .digest('hex')
    .slice(0, 8);
}

/**
 * The dev server's request guard: only its own origin. Host is checked by webpack-dev-server
 * (allowedHosts); this refuses what another site's page asks for (an Origin header that is not
 * ours, or Sec-Fetch-Site cross-site/same-site), except opening a page (Excel on the web frames
 * the pane and the function file) and loading an image (the ribbon's icons).
 */
function ownOriginOnly(origins) {
  return (req, res, next) => {
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    const dest = req.headers['sec-fetch-dest'];
    const foreignOrigin = origin !== undefined && !origins.includes(origin);
    const foreignSite = site !== undefined && site !== 'same-origin' && site !== 'none';
    const mayCross = dest === 'document' || dest === 'iframe' || dest === 'image';
    if (foreignOrigin || (foreignSite && !mayCross)) {
      res.statusCode = 403;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('PhuLuc dev server: only its own pages may ask for this.\n');
      return;
    }
    next();
  };
}

/**
 * The built manifest: manifest.xml pointing at the address given at build time (ADDIN_URL), or
 * at the dev server when none is given (the build then warns).
 */
class AddinManifest {
  constructor(addinUrl) {
    this.addinUrl = addinUrl;
  }
  apply(compiler) {
    const source = path.join(ROOT, 'manifest.xml');
    compiler.hooks.thisCompilation.tap('PhuLucManifest', (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: 'PhuLucManifest',
          stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL,
        },
        () => {
          compilation.fileDependencies.add(source);
          const xml = fs.readFileSync(source, 'utf8');
          const text = this.addinUrl ? addinUrl.manifestFor(xml, this.addinUrl) : xml;
          if (!this.addinUrl && compiler.options.mode === 'production') {
            compilation.warnings.push(
              new compiler.webpack.WebpackError(
                'dist/manifest.xml points at the dev server (https://localhost:3000): build with ' +
                  'ADDIN_URL=https://… for a deployment.',
              ),
            );
          }
          compilation.emitAsset('manifest.xml', new compiler.webpack.sources.RawSource(text));
        },
      );
    });
  }
}

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

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const outputPath = env.outputPath ? path.resolve(env.outputPath) : DIST;
  const copyOfficeJs = !env.noOfficeCopy;
  const hashed = (name) => (production ? `${name}.[contenthash:8]` : name);
  // ADDIN_URL is checked here, so a wrong address stops the build before it starts.
  const builtFor = env.addinUrl || process.env.ADDIN_URL || '';
  if (builtFor) addinUrl.parseAddinUrl(builtFor);
  const tls = devServerTls();
  const scheme = typeof tls.server === 'string' ? tls.server : tls.server.type;
  const origins = [`${scheme}://localhost:${PORT}`, `${scheme}://127.0.0.1:${PORT}`];
  // Each template writes it in a <meta> tag before anything it loads (scripts/csp.js).
  const pageCsp = csp.serialize(csp.pagePolicy());
  const pane = (filename, officeJs) =>
    new HtmlWebpackPlugin({
      filename,
      template: './src/taskpane/taskpane.html',
      chunks: ['taskpane'],
      csp: pageCsp,
      oldHostScript: `${OLD_HOST.to}?v=${contentHash(OLD_HOST.from)}`,
      officeHostScript: officeJs ? `${OFFICE_HOST.to}?v=${contentHash(OFFICE_HOST.from)}` : '',
    });

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
      clean: true,
    },
    // No eval in development either: the pages' script-src is 'self' in both modes.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    // The dev server starts again in seconds; production builds stay from scratch.
    cache: production
      ? false
      : {
          type: 'filesystem',
          cacheDirectory: path.join(ROOT, 'node_modules', '.cache', 'phuluc-dev-webpack'),
          buildDependencies: { config: [__filename] },
        },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
    module: {
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
      pane('taskpane.html', true),
      pane('index.html', false),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        csp: pageCsp,
      }),
      // Static bilingual help page (SupportUrl and GetStarted "learn more" in the manifest).
      new HtmlWebpackPlugin({
        filename: 'help.html',
        template: './src/taskpane/help.html',
        chunks: [],
        inject: false,
        csp: pageCsp,
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
          // Shipped as written: plain ES5 for any browser, not bundled or minified.
          { ...OLD_HOST, info: { minimized: true } },
          { ...OFFICE_HOST, info: { minimized: true } },
        ],
      }),
      new AddinManifest(builtFor),
      ...(production ? [new BundleSizeReport()] : []),
    ],
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          // Each on-demand chunk keeps its own libraries (PDF.js in pdf…), named after it.
          defaultVendors: false,
          default: false,
        },
      },
    },
    performance: production
      ? {
          hints: 'warning',
          // Our own bundles only; the copied Office.js files are not ours to size, and PDF.js
          // (loaded on demand, for PDF files only) is reported by BundleSizeReport.
          assetFilter: (file) =>
            file.endsWith('.js') && !file.startsWith('office-js/') && !file.startsWith('pdf.'),
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
      server: tls.server,
      allowedHosts: ['localhost', '127.0.0.1'],
      // Only what this build emits (the pages, bundles, office.js, icons, manifest).
      static: false,
      headers: {
        'Content-Security-Policy': csp.serialize(csp.headerPolicy()),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      },
      client: { overlay: { warnings: false, errors: true } },
      hot: false,
      liveReload: true,
      open: false,
      setupMiddlewares(middlewares) {
        middlewares.unshift({ name: 'phuluc-own-origin-only', middleware: ownOriginOnly(origins) });
        return middlewares;
      },
      onListening(devServer) {
        const url = `${scheme}://localhost:${PORT}`;
        let told = false;
        devServer.compiler.hooks.done.tap('PhuLucUrl', () => {
          console.log(
            `\nPhuLuc — trang dùng ngoài Excel / standalone page: ${url}/\n` +
              `PhuLuc task pane: ${url}/taskpane.html (manifest: ${url}/manifest.xml)\n`,
          );
          if (tls.reason && !told) {
            told = true;
            console.log(
              `Chưa có https: ${tls.reason.vi}. Excel chỉ nạp add-in qua https: chạy \`npm run certs\` một lần rồi \`npm start\` lại.\n` +
                `No https: ${tls.reason.en}. Excel loads add-ins over https only: run \`npm run certs\` once, then \`npm start\` again.\n`,
            );
          }
        });
      },
    },
  };
};
