// `scan` on a source that is all entities: its JSON leaves in chunks as the scanner goes, waits
// for a slow reader, and the process's memory does not grow with the entities.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run';
import type { ScanFileResult } from '../../../src/cli/commands/scan';

const MAIN = join(__dirname, '../../../src/cli/main.ts');
const TSX = require.resolve('tsx/cjs');
const SENTENCE = 'Ukraine, 12 May 2022. ';

/** Peak resident memory (bytes) of the CLI scanning `file`, its output read and dropped. */
function peakMemory(file: string, preload: string): Promise<{ bytes: number; printed: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', TSX, '-r', preload, MAIN, 'scan', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = 0;
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.length));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const peak = /maxRSS (\d+)/.exec(err);
      if (code !== 0 || !peak) reject(new Error(`exit ${code}: ${err}`));
      else resolve({ bytes: Number(peak[1]) * 1024, printed });
    });
  });
}

describe('legal-annotator scan: bounded on large sources', function () {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'la-scan-bounded-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a chunk, then waits while the reader is behind, and finishes once it has caught up', async function () {
    const file = join(dir, 'entities.txt');
    writeFileSync(file, SENTENCE.repeat(20_000));
    let out = '';
    let release: () => void = () => undefined;
    let reached: () => void = () => undefined;
    let waits = 0;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const firstWait = new Promise<void>((resolve) => (reached = resolve));
    const output = {
      out: (text: string) => (out += text),
      err: () => undefined,
      // The first wait blocks until released: a reader that has fallen behind.
      drained: () => {
        if (waits++ > 0) return Promise.resolve();
        reached();
        return blocked;
      },
    };
    const run = runCli(['scan', file], output);
    await firstWait;
    const printedAtWait = out.length;
    for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(out.length, printedAtWait, 'nothing more is printed while the reader is behind');
    // One chunk (64 KB) and at most one batch of entities' JSON, not the 40,000 entities' 3 MB.
    assert.ok(printedAtWait > 0 && printedAtWait < 200_000, `printed ${printedAtWait} characters before waiting`);
    release();
    assert.equal(await run, 0);
    assert.ok(waits > 10, `waited ${waits} times`);
    const [result] = JSON.parse(out) as ScanFileResult[];
    assert.equal(result.entities.length, 40_000);
  });

  it('grows in memory by less than 5 times the source between a source and one 4 times as large', async function () {
    const preload = join(dir, 'peak-memory.js');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\\n`));\n");
    const small = join(dir, 'small.txt');
    const large = join(dir, 'large.txt');
    writeFileSync(small, SENTENCE.repeat(60_000));
    writeFileSync(large, SENTENCE.repeat(240_000));
    // The least peak of three runs each: the collector's timing alone sometimes adds some 20 MB to
    // one run's peak, a swing that says nothing about what the scan holds.
    const leastOf = async (file: string) => {
      const runs = [await peakMemory(file, preload), await peakMemory(file, preload), await peakMemory(file, preload)];
      return runs.reduce((least, run) => (run.bytes < least.bytes ? run : least));
    };
    const atN = await leastOf(small);
    const at4n = await leastOf(large);
    assert.ok(at4n.printed > 3.9 * atN.printed, `printed ${at4n.printed} vs ${atN.printed}`);
    // Holding the entities (or their JSON) grew by 27 bytes per byte of source; the text itself is one.
    const growth = at4n.bytes - atN.bytes;
    const sourceGrowth = SENTENCE.length * 180_000;
    assert.ok(growth < 5 * sourceGrowth, `peak memory grew by ${(growth / 1e6).toFixed(1)} MB for ${(sourceGrowth / 1e6).toFixed(1)} MB more source`);
  });
});
