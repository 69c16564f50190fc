/**
 * `legal-annotator check --fix-anchors` of 10,000 moved annotations, as a real process.
 *
 *   npm run bench:fix-anchors -- [--annotations N] [--runs N]
 *
 * The source and its sidecar are the hostile corpus's (scripts/generate-hostile.ts): N
 * annotations (default 10,000), one per line. A line is then inserted at the top of the source,
 * so every annotation's quote is found, in its own context, one line further: all N are moved.
 * The bundled CLI (built into a temporary folder) runs `check SIDECAR --fix-anchors` on a fresh
 * copy of the sidecar each time (median of `--runs`, wall and CPU time); it must report N
 * moved, and `check` afterwards must find nothing. Prints the figures beside the machine's load.
 * Goal: at most 2 s.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { manyAnnotations } from '../scripts/generate-hostile';
import { buildCli, loadLine, seconds, timeCommand } from './support';

const GOAL_MS = 2_000;
const INSERTED = 'A line added at the top after the tags were made.\n';

const { values } = parseArgs({ options: { annotations: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } } });
const count = Number(values.annotations);
const runs = Number(values.runs);

function main(): void {
  const folder = mkdtempSync(join(tmpdir(), 'la-bench-fix-anchors-'));
  try {
    const cli = buildCli(join(folder, 'dist'));
    const workspace = join(folder, 'workspace');
    mkdirSync(join(workspace, '.git'), { recursive: true });
    const many = manyAnnotations(count);
    writeFileSync(join(workspace, 'many.txt'), INSERTED + many.source);
    const sidecar = join(workspace, 'many.txt.ann.yaml');
    console.log(`check --fix-anchors of ${count.toLocaleString('en')} moved annotations (sidecar ${(many.sidecar.length / 1e6).toFixed(1)} MB); Node ${process.version}; median of ${runs} runs of the bundled CLI as a child process`);
    console.log(`before: ${loadLine()}`);
    const fix = timeCommand('check --fix-anchors', process.execPath, [cli, 'check', 'many.txt.ann.yaml', '--fix-anchors'], {
      runs, cwd: workspace, before: () => writeFileSync(sidecar, many.sidecar),
    });
    const moved = (fix.stdout + fix.stderr).match(/: fixed annotation /g)?.length ?? 0;
    if (moved !== count) throw new Error(`check --fix-anchors fixed ${moved} annotations; expected ${count}:\n${(fix.stdout + fix.stderr).slice(0, 2000)}`);
    timeCommand('check after the fix', process.execPath, [cli, 'check', 'many.txt.ann.yaml'], { runs: 1, cwd: workspace });
    console.log(`${''.padEnd(40)}   wall      CPU`);
    console.log(`${'check --fix-anchors'.padEnd(40)} ${seconds(fix.ms)} s ${seconds(fix.cpuMs)} s  ${count.toLocaleString('en')} moved, check clean after (goal <= 2 s: ${fix.ms <= GOAL_MS ? 'met' : 'NOT met'})`);
    console.log(`after: ${loadLine()}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main();
