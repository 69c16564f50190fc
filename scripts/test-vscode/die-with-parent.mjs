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
import { readdirSync, readFileSync, rmSync } from 'node:fs';

/** How long the group has to stop after SIGTERM before it is killed. */
const GRACE_MS = 3000;

const argv = process.argv.slice(2);
const removeAfter = argv[0] === '--remove-after' ? argv[1] : undefined;
const [command, ...args] = removeAfter === undefined ? argv : argv.slice(2);
if (!command) {
  console.error('usage: die-with-parent.mjs [--remove-after DIR] COMMAND [ARGS...]');
  process.exit(2);
}
/** Set once the starter is gone: from then on this script ends the group and cleans up after it. */
let starterGone = false;

/** The other live processes of this group, from /proc (a stat line's fields after the name: state, parent, group). */
function othersInGroup() {
  const others = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) === process.pid && state !== 'Z') others.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return others;
}

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
child.on('error', (error) => {
  console.error(`die-with-parent: ${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  // Once the starter is gone, endGroup decides when this script ends: after the whole group.
  if (starterGone) return;
  if (signal === null) process.exit(code ?? 1);
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
});

/**
 * The starter is gone: SIGTERM to the group (this script waits it out), SIGKILL to whatever of it
 * is left after GRACE_MS, and only then, with nothing left to write into it, the session folder
 * removed.
 */
function endGroup() {
  if (starterGone) return;
  starterGone = true;
  process.on('SIGTERM', () => {});
  try { process.kill(-process.pid, 'SIGTERM'); } catch { /* gone */ }
  const deadline = Date.now() + GRACE_MS;
  const poll = setInterval(() => {
    const others = othersInGroup();
    if (others.length > 0 && Date.now() < deadline) return;
    clearInterval(poll);
    for (const pid of others) {
      try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
    }
    try {
      if (removeAfter) rmSync(removeAfter, { recursive: true, force: true });
    } catch (error) {
      console.error(`die-with-parent: ${removeAfter} not removed: ${error.message}`);
    }
    process.exit(0);
  }, 100);
}

process.stdin.on('end', endGroup);
process.stdin.on('error', endGroup);
process.stdin.resume();
