#!/usr/bin/env node
/**
 * The dev server: webpack-dev-server with webpack.config.js (development), inside this process.
 *
 *   npm start                    https://localhost:3000/ (http when `npm run certs` has not run)
 *   npm run start:desktop        office-addin-debugging runs the `dev-server` script
 *                                (this, with --background) and sideloads the add-in
 *   npm run stop                 office-addin-debugging stops it and removes the add-in
 *
 * It leaves nothing behind. It starts no child process, and it stops, closing its sockets, when
 * told to (SIGINT, SIGTERM, SIGHUP) and when whatever started it goes away: its parent (the shell
 * office-addin-debugging starts and `npm run stop` ends) or, in the foreground, its parent's
 * parent (npm runs a script through a shell: `npm start` killed, even with SIGKILL, leaves no
 * server holding the port). With --background only the parent counts: office-addin-debugging
 * starts the server and exits, by design.
 */
'use strict';

const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** How often the processes that started this one are looked at. */
const WATCH_MS = 500;

/** Whether a process is alive (it may belong to another user). */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The parent of process `pid`, or null where it cannot be known. */
function parentOf(pid) {
  try {
    if (process.platform === 'linux') {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // pid (name) state ppid …: the name may hold spaces and parentheses.
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) || null;
    }
    if (process.platform === 'darwin') {
      const out = childProcess.execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)]);
      return Number(String(out).trim()) || null;
    }
  } catch {
    // The process has gone, or ps is missing: nothing to watch.
  }
  return null;
}

/**
 * Calls `onGone` once the processes that started this one are gone: the parent (it ended, or this
 * process was handed to another parent) and, unless `background`, the parent's parent.
 */
function watchLaunchers(background, onGone) {
  const parent = process.ppid;
  const grandparent = background ? null : parentOf(parent);
  const watched = grandparent !== null && grandparent > 1 ? grandparent : null;
  const timer = setInterval(() => {
    if (process.ppid !== parent || !alive(parent)) onGone('parent');
    else if (watched !== null && !alive(watched)) onGone('launcher');
  }, WATCH_MS);
  timer.unref();
  return timer;
}

async function main(argv) {
  const background = argv.includes('--background');
  const webpack = require('webpack');
  const WebpackDevServer = require('webpack-dev-server');
  const configOf = require(path.join(__dirname, '..', 'webpack.config.js'));
  const config = configOf({ WEBPACK_SERVE: true }, { mode: 'development' });
  const server = new WebpackDevServer(config.devServer, webpack(config));

  let stopping = null;
  const stop = (why) => {
    if (!stopping) {
      if (!background) console.log(`\nPhuLuc dev server: dừng / stopping (${why}).`);
      stopping = server
        .stop()
        .catch(() => undefined)
        .then(() => process.exit(0));
    }
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
  watchLaunchers(background, stop);
  await server.start();
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

module.exports = { parentOf, alive };
