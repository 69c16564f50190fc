/**
 * The four commands a user runs on one large source, each within 10 s and within 3 times the
 * source's size in memory (the bounds of docs/performance.md, "Large sources").
 *
 *   npm run bench:large [-- --mb 200] [--only tag,check] [--keep]
 *
 * Writes a source of `--mb` megabytes (default 200) into a temporary folder: the hostile
 * corpus's dense report paragraph (scripts/generate-hostile.ts: 1,038 characters, six entities
 * and two claims, the prisoners' torture and "their detention"), paragraphs separated by a blank
 * line, and a last sentence to tag. Builds
 * the CLI, then runs once each, as child processes: `tag` (creating the sidecar), `scan` (JSON,
 * printed into /dev/null), `scan` of the same file under a config without claims (the entities
 * alone), `check` of the sidecar, `export --format csv` of it (into /dev/null).
 * Prints for each the wall time, the CPU time and the process's peak resident memory (from
 * process.resourceUsage, read as it exits), against the goals, with the machine's load.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, linkSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPORT_PARAGRAPH } from '../scripts/generate-hostile';
import { buildCli, loadLine } from './support';

const GOAL_SECONDS = 10;
const GOAL_MEMORY_PER_SOURCE_BYTE = 3;
const LAST_SENTENCE = 'In the last paragraph the mission records that detainees were tortured at the end of the source.\n';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '200' }, only: { type: 'string' }, keep: { type: 'boolean', default: false } } });

/** Writes the source in pieces (a 200 MB string built here would double this process's memory for nothing). */
function writeSource(file: string, bytes: number): void {
  const paragraph = `${REPORT_PARAGRAPH.trimEnd()}\n\n`;
  const block = paragraph.repeat(Math.ceil(1e6 / paragraph.length));
  const fd = openSync(file, 'w');
  try {
    for (let written = 0; written < bytes; written += block.length) writeSync(fd, block);
    writeSync(fd, LAST_SENTENCE);
  } finally {
    closeSync(fd);
  }
}

interface Measured {
  seconds: number;
  /** CPU time of the process (user and system, its collector's threads included): on a busy machine the wall time also counts waiting for a core. */
  cpuSeconds: number;
  peakBytes: number;
  exit: number | null;
}

/** Runs the CLI once, its standard output into /dev/null; the preload prints the peak memory and the CPU time on exit. */
function measure(cli: string, preload: string, cwd: string, args: string[]): Measured {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['-r', preload, cli, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const peak = /maxRSS (\d+) cpu (\d+)\n$/.exec(run.stderr);
  if (!peak) throw new Error(`${args.join(' ')}: no peak memory reported (exit ${run.status ?? run.signal}):\n${run.stderr.slice(0, 2000)}`);
  const other = run.stderr.slice(0, peak.index).trim();
  if (other) console.log(`  (${args[0]} said: ${other.split('\n').slice(0, 3).join(' | ')})`);
  return { seconds, cpuSeconds: Number(peak[2]) / 1e6, peakBytes: Number(peak[1]) * 1024, exit: run.status };
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'legal-annotator-large-'));
  try {
    const source = join(dir, 'source.txt');
    writeSource(source, Number(values.mb) * 1e6);
    const sourceBytes = statSync(source).size;
    mkdirSync(join(dir, 'entities-only'));
    linkSync(source, join(dir, 'entities-only', 'source.txt'));
    writeFileSync(join(dir, 'entities-only', '.legal-annotator.yaml'), 'version: 1\nclaims:\n  enabled: false\n');
    const cli = buildCli(join(dir, 'dist'));
    const preload = join(dir, 'peak-memory.js');
    writeFileSync(preload, "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`maxRSS ${u.maxRSS} cpu ${u.userCPUTime + u.systemCPUTime}\\n`); });\n");
    const memoryGoal = GOAL_MEMORY_PER_SOURCE_BYTE * sourceBytes;
    console.log(`source: ${(sourceBytes / 1e6).toFixed(1)} MB (${REPORT_PARAGRAPH.length}-character paragraphs); Node ${process.version}`);
    console.log(`goals: within ${GOAL_SECONDS} s and within ${(memoryGoal / 1e6).toFixed(0)} MB (${GOAL_MEMORY_PER_SOURCE_BYTE}x the source) of peak resident memory`);
    console.log(`before: ${loadLine()}`);
    const commands: [string, string[]][] = [
      ['tag', ['tag', 'source.txt', '--category', 'torture', '--quote', 'detainees were tortured at the end of the source']],
      ['scan', ['scan', 'source.txt']],
      // The same source (a hard link) under a config that turns the claims off: the entities alone.
      ['scan-entities', ['scan', 'entities-only/source.txt']],
      ['check', ['check', 'source.txt.ann.yaml']],
      ['export', ['export', '--format', 'csv', 'source.txt.ann.yaml']],
    ];
    let missed = 0;
    // tag runs first all the same: it creates the sidecar the others read.
    const wanted = values.only?.split(',');
    for (const [label, args] of commands) {
      if (wanted && label !== 'tag' && !wanted.includes(label)) continue;
      const result = measure(cli, preload, dir, args);
      const timeOk = result.seconds <= GOAL_SECONDS;
      const memoryOk = result.peakBytes <= memoryGoal;
      if (!timeOk || !memoryOk || result.exit !== 0) missed++;
      console.log(
        `${label.padEnd(13)} ${result.seconds.toFixed(2).padStart(7)} s ${timeOk ? 'ok  ' : 'OVER'} (CPU ${result.cpuSeconds.toFixed(2)} s)  ` +
          `${(result.peakBytes / 1e6).toFixed(0).padStart(6)} MB peak = ${(result.peakBytes / sourceBytes).toFixed(2)}x the source ${memoryOk ? 'ok  ' : 'OVER'}  exit ${result.exit}`,
      );
    }
    console.log(`after: ${loadLine()}`);
    console.log(missed === 0 ? 'every command within both goals' : `${missed} command(s) missed a goal or failed`);
  } finally {
    if (values.keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main();
