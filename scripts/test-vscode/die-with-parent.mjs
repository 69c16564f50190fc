#!/usr/bin/env node
// `node die-with-parent.mjs [--remove-after DIR] COMMAND [ARGS...]`: runs COMMAND in this process's
// group and ends the whole group when the process that started this one dies, however it dies
// (SIGKILL included); then removes DIR, the run's temporary folder, which the starter would have
// removed had it lived.
//
// The starter spawns this script as the leader of a group of its own (spawnGroup in server.mjs)
// with its stdin a pipe that nobody writes: when the starter dies, the kernel closes the pipe's
// other end and stdin ends. Linux's PR_SET_PDEATHSIG does the same but Node does not offer it.
// Exits as COMMAND does (same code or signal); COMMAND's stdout and stderr are this script's.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

/** How long the group has to stop after SIGTERM before it is killed. */
const GRACE_MS = 3000;

const argv = process.argv.slice(2);
const removeAfter = argv[0] === '--remove-after' ? argv[1] : undefined;
const [command, ...args] = removeAfter === undefined ? argv : argv.slice(2);
if (!command) {
  console.error('usage: die-with-parent.mjs [--remove-after DIR] COMMAND [ARGS...]');
  process.exit(2);
}
/** Set once the starter is gone: from then on this script cleans up after it. */
let starterGone = false;

function removeLeftovers() {
  if (starterGone && removeAfter) rmSync(removeAfter, { recursive: true, force: true });
}

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
child.on('error', (error) => {
  console.error(`die-with-parent: ${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  removeLeftovers();
  if (signal === null) process.exit(code ?? 1);
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
});

/** The starter is gone: SIGTERM to the group (this script waits it out), then SIGKILL to whatever is left, this script included. */
function endGroup() {
  starterGone = true;
  process.on('SIGTERM', () => {});
  try { process.kill(-process.pid, 'SIGTERM'); } catch { /* gone */ }
  setTimeout(() => {
    removeLeftovers();
    process.kill(-process.pid, 'SIGKILL');
  }, GRACE_MS);
}

process.stdin.on('end', endGroup);
process.stdin.on('error', endGroup);
process.stdin.resume();
