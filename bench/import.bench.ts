/**
 * `legal-annotator import` of 100,000 annotations, brat and W3C JSON Lines, as real processes.
 *
 *   npm run bench:import -- [--annotations N] [--runs N]
 *
 * The source and its sidecar are the hostile corpus's (scripts/generate-hostile.ts): N
 * annotations (default 100,000) on a source of N lines. The bundled CLI (built into a temporary
 * folder) exports them (`export --format brat`, `export --format w3c --jsonl`); then, for each
 * format, with the sidecar removed, `import` is timed (median of `--runs`, wall and CPU time),
 * and the sidecar it writes must hold the N annotations. Importing the same export again into
 * that sidecar is timed too: it must leave it byte for byte (import is idempotent).
 * Prints each figure beside the machine's load. Goal: at most 5 s for each import.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { manyAnnotations } from '../scripts/generate-hostile';
import { buildCli, loadLine, seconds, timeCommand, type CommandTiming } from './support';

const GOAL_MS = 5_000;

const { values } = parseArgs({ options: { annotations: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' } } });
const count = Number(values.annotations);
const runs = Number(values.runs);

function main(): void {
  const folder = mkdtempSync(join(tmpdir(), 'la-bench-import-'));
  try {
    const cli = buildCli(join(folder, 'dist'));
    const workspace = join(folder, 'workspace');
    mkdirSync(join(workspace, '.git'), { recursive: true });
    const many = manyAnnotations(count);
    const sidecar = join(workspace, 'many.txt.ann.yaml');
    writeFileSync(join(workspace, 'many.txt'), many.source);
    writeFileSync(sidecar, many.sidecar);
    const node = (label: string, args: string[], before?: () => void) => timeCommand(label, process.execPath, [cli, ...args], { runs, cwd: workspace, before });
    console.log(`import of ${count.toLocaleString('en')} annotations on one source (sidecar ${(many.sidecar.length / 1e6).toFixed(1)} MB); Node ${process.version}; median of ${runs} runs of the bundled CLI as a child process`);
    console.log(`before: ${loadLine()}`);

    // Exports go inside the workspace (export writes nowhere else), beside the source.
    const exportRuns = { brat: ['export', '--format', 'brat', '--out', 'out/brat', 'many.txt'], w3c: ['export', '--format', 'w3c', '--jsonl', '--out', 'out/export.jsonl', 'many.txt'] };
    timeCommand('export brat', process.execPath, [cli, ...exportRuns.brat], { runs: 1, cwd: workspace });
    timeCommand('export w3c', process.execPath, [cli, ...exportRuns.w3c], { runs: 1, cwd: workspace });

    const formats: [string, string[]][] = [
      ['brat', ['import', '--format', 'brat', 'out/brat', '--sources', '.']],
      ['W3C JSON Lines', ['import', '--format', 'w3c', 'out/export.jsonl']],
    ];
    console.log(`${''.padEnd(46)}   wall      CPU`);
    const row = (label: string, t: CommandTiming, note: string) => console.log(`${label.padEnd(46)} ${seconds(t.ms)} s ${seconds(t.cpuMs)} s  ${note}`);
    for (const [name, args] of formats) {
      const fresh = node(`import ${name}`, args, () => rmSync(sidecar, { force: true }));
      const written = readFileSync(sidecar, 'utf8');
      const imported = written.match(/^ {2}- id: /gm)?.length ?? 0;
      if (imported !== count) throw new Error(`import ${name} wrote ${imported} annotations; expected ${count}`);
      row(`import ${name} (new sidecar)`, fresh, `${imported.toLocaleString('en')} added (goal <= 5 s: ${fresh.ms <= GOAL_MS ? 'met' : 'NOT met'})`);
      const again = node(`import ${name} again`, args);
      const same = readFileSync(sidecar, 'utf8') === written;
      if (!same) throw new Error(`import ${name} into its own result changed the sidecar`);
      row(`import ${name} again (into that sidecar)`, again, 'all unchanged, sidecar byte for byte');
    }
    console.log(`after: ${loadLine()}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main();
