/**
 * Webpack build for the Excel add-in (task pane + ribbon function file).
 *
 *   npx webpack --mode production          → dist/ (contenthash file names)
 *   npx webpack serve --mode development   → http://localhost:3000/taskpane.html
 *
 * Office.js is served from a local copy (dist/office-js), never from a CDN: nothing fetches from
 * the network at run time. dist/ is shared with `tsc -p tsconfig.cli.json` (dist/core,
 * dist/cli), so cleaning keeps those folders.
 *
 * Dev server: plain http by default. Set DEV_SERVER_HTTPS=1 for https with webpack-dev-server's
 * self-signed certificate, or DEV_SERVER_CERT/DEV_SERVER_KEY to PEM files (e.g. the ones
 * office-addin-dev-certs installs). Excel desktop only loads https add-ins.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
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

module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
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
      path: DIST,
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
      rules: [
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
          {
            // office.js loads its host- and locale-specific files from its own folder.
            from: 'node_modules/@microsoft/office-js/dist',
            to: 'office-js',
            globOptions: { ignore: ['**/*.d.ts'] },
            info: { minimized: true },
          },
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    performance: production
      ? {
          hints: 'warning',
          // Our own bundles only; the copied Office.js files are not ours to size.
          assetFilter: (file) => file.endsWith('.js') && !file.startsWith('office-js/'),
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
      onListening(devServer) {
        const url = `${scheme}://localhost:${PORT}`;
        devServer.compiler.hooks.done.tap('PhuLucUrl', () => {
          console.log(`\nPhuLuc task pane: ${url}/taskpane.html (manifest: ${url}/manifest.xml)\n`);
        });
      },
    },
  };
};
