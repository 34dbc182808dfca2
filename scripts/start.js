#!/usr/bin/env node
// `npm start`: the pane's development server (webpack-dev-server) in this very process, so
// nothing is left serving when it stops. `webpack serve` under npm ran as a grandchild: stopping
// npm stopped npm's shell but left webpack serving the port. Here:
// - Ctrl+C, SIGTERM or SIGHUP (a closed terminal) stop the server, then the process;
// - npm runs this under a shell: when npm or that shell is stopped, the process is handed to
//   another parent, and it stops too.
// Keep `npm start` in a terminal of its own; stop it with Ctrl+C.
'use strict';

const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
const configOf = require('../webpack.config.js');

const config = configOf({}, { mode: 'development' });
const server = new WebpackDevServer(config.devServer, webpack(config));

let stopping = false;
function stop(reason) {
  if (stopping) return;
  stopping = true;
  console.log(`\nPhuLuc: ${reason} — đang dừng máy chủ / stopping the server.`);
  // A server that does not close in time is not waited for.
  setTimeout(() => process.exit(0), 3000).unref();
  server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));

const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('npm đã dừng / npm stopped');
}, 500).unref();

server.start().catch((error) => {
  console.error(error);
  process.exit(1);
});
