/**
 * `legal-annotator check` on a large generated workspace, against ajv-cli on the same files.
 *
 *   npm run bench:check [-- --runs N] [--sidecars N] [--keep]
 *
 * Generates (seeded, so every run checks the same bytes) 1,000 sources of 100 KB with a
 * sidecar of 100 annotations each in a temporary folder, builds the CLI, and times, as child
 * processes and in the same run, `node dist/cli.js check DIR --format json` and
 * `ajv validate -s schemas/sidecar.schema.json -d "DIR/**\/*.ann.yaml"` (ajv-cli 5 reads YAML
 * data files with js-yaml). ajv-cli does less: schema only, no source read, no anchoring.
 * Prints the median wall time of each (and CPU time, with GNU time) and the ratio. Goals:
 * check <= 5 s, and no slower than ajv-cli.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTarget } from '../src/core/anchoring/anchoring';
import { sourceHash } from '../src/core/sidecar/source-hash';
import { DEFAULT_TAXONOMY } from '../src/core/taxonomy/taxonomy';
import { seconds, seededRandom, timeCommand, type CommandTiming } from './support';

const ROOT = resolve(__dirname, '..');

const WORDS = (
  'the prisoners of war were detained in the colony and tortured during interrogations by officers of the ' +
  'penitentiary service according to the mission of experts which received testimonies from released ' +
  'civilians who reported beatings electric shocks lack of food and denial of medical care while the ' +
  'International Committee of the Red Cross was refused access to the places of detention in Donetsk ' +
  'Oblast Україна військовополонені Mariupol Olenivka Taganrog 2022 2023 2024 March April September'
).split(' ');

function sourceText(next: () => number, bytes: number): string {
  const parts: string[] = [];
  let length = 0;
  let sentence = 0;
  // Counts UTF-16 units, not bytes: the few Cyrillic words make the files a little over 100 KB.
  while (length < bytes) {
    const word = WORDS[Math.floor(next() * WORDS.length)];
    const piece = sentence === 0 ? word[0].toUpperCase() + word.slice(1) : word;
    sentence++;
    const end = sentence > 8 + next() * 20 ? (next() < 0.1 ? '.\n\n' : '. ') : ' ';
    if (end !== ' ') sentence = 0;
    parts.push(piece, end);
    length += piece.length + end.length;
  }
  return parts.join('');
}

/**
 * A scalar as our writer would put it: plain when YAML reads it back as the same string,
 * else double-quoted (JSON string syntax is valid YAML). Timestamps are always quoted: ajv-cli
 * reads YAML with js-yaml, whose YAML 1.1 schema turns a plain 2025-11-21T10:00:00Z into a
 * Date that then fails `"type": "string"`; the `yaml` package (YAML 1.2) keeps a string.
 */
function scalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const plain = /^[A-Za-z\u0400-\u04FF][A-Za-z0-9\u0400-\u04FF .,-]*$/.test(value) && !/ $/.test(value) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

async function generate(folder: string, sidecars: number, annotations: number): Promise<void> {
  const next = seededRandom(20251121);
  const categories = DEFAULT_TAXONOMY.categories.map((c) => c.id);
  await fs.writeFile(join(folder, '.legal-annotator.yaml'), 'version: 1\nsources: ["**/*.txt"]\n');
  for (let i = 0; i < sidecars; i++) {
    const sub = join(folder, `batch-${String(Math.floor(i / 100)).padStart(2, '0')}`);
    if (i % 100 === 0) await fs.mkdir(sub, { recursive: true });
    const text = sourceText(next, 100_000);
    const name = `report-${String(i).padStart(4, '0')}.txt`;
    const lines = ['# Legal Annotator annotations of ' + name, 'version: 1', `source: ${name}`, `sourceHash: ${sourceHash(text)}`, 'annotations:'];
    for (let k = 0; k < annotations; k++) {
      const start = Math.floor(next() * (text.length - 200));
      const end = start + 5 + Math.floor(next() * 80);
      // No astral characters in the generated text, so UTF-16 offsets are code points here.
      const target = createTarget(text, start, end);
      lines.push(
        `  - id: a-${i.toString(16).padStart(4, '0')}${k.toString(16).padStart(4, '0')}`,
        `    category: ${categories[Math.floor(next() * categories.length)]}`,
        '    target:',
        `      start: ${target.start}`,
        `      end: ${target.end}`,
        `      exact: ${scalar(target.exact)}`,
        `      prefix: ${scalar(target.prefix)}`,
        `      suffix: ${scalar(target.suffix)}`,
        ...(next() < 0.3 ? ['    note: Corroborated by two witness statements.'] : []),
        '    author: bench',
        '    created: "2025-11-21T10:00:00Z"',
        '    status: proposed',
      );
    }
    lines.push('dismissed: []', '');
    await fs.writeFile(join(sub, name), text);
    await fs.writeFile(join(sub, `${name}.ann.yaml`), lines.join('\n'));
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number): number => {
    const index = args.indexOf(name);
    return index >= 0 ? Number(args[index + 1]) : fallback;
  };
  const runs = option('--runs', 3);
  const sidecars = option('--sidecars', 1000);
  const annotations = option('--annotations', 100);
  const keep = args.includes('--keep');

  const folder = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-bench-check-'));
  try {
    let start = performance.now();
    await generate(folder, sidecars, annotations);
    console.log(`generated ${sidecars} sources of 100 KB with ${annotations} annotations each in ${((performance.now() - start) / 1000).toFixed(1)} s (${folder})`);
    start = performance.now();
    execFileSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'ignore' });
    console.log(`built dist/cli.js in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    console.log(`${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; median of ${runs} runs, wall time of each child process`);
    console.log('');

    const check = timeCommand('check', process.execPath, ['dist/cli.js', 'check', folder, '--format', 'json'], { runs, cwd: ROOT });
    const reports = JSON.parse(check.stdout) as { file: string; problems: unknown[] }[];
    const problems = reports.reduce((sum, r) => sum + r.problems.length, 0);
    const checked = reports.filter((r) => r.file.endsWith('.ann.yaml')).length;
    if (checked !== sidecars || problems !== 0) throw new Error(`check saw ${checked} sidecars and ${problems} problems; expected ${sidecars} and 0`);

    // ajv-cli 5: YAML data through js-yaml, draft-07 by default; formats (date-time) from ajv-formats.
    const ajv = timeCommand('ajv-cli', join(ROOT, 'node_modules/.bin/ajv'), [
      'validate', '--spec=draft7', '-c', 'ajv-formats', '--errors=line', '-s', 'schemas/sidecar.schema.json', '-d', `${folder}/**/*.ann.yaml`,
    ], { runs, cwd: ROOT });
    const valid = (ajv.stdout + ajv.stderr).match(/ valid/g)?.length ?? 0;
    if (valid !== sidecars) throw new Error(`ajv-cli reported ${valid} valid files; expected ${sidecars}:\n${ajv.stderr.slice(0, 1000)}`);

    console.log(`${''.padEnd(58)}   wall      CPU`);
    const row = (label: string, t: CommandTiming, note: string) => console.log(`${label.padEnd(58)} ${seconds(t.ms)} s ${seconds(t.cpuMs)} s  ${note}`);
    row('legal-annotator check DIR --format json', check, `${checked} sidecars, ${checked * annotations} annotations anchored, 0 problems`);
    row('ajv-cli validate -s sidecar.schema.json -d DIR/**/*.ann.yaml', ajv, `${valid} files valid (schema only)`);
    console.log(`load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (on ${cpus().length} cores)`);
    console.log('');
    console.log(`check: ${(check.ms / 1000).toFixed(2)} s wall (goal <= 5 s: ${check.ms <= 5000 ? 'met' : 'NOT met'})`);
    console.log(`check / ajv-cli: ${(check.ms / ajv.ms).toFixed(2)} wall${check.cpuMs && ajv.cpuMs ? `, ${(check.cpuMs / ajv.cpuMs).toFixed(2)} CPU` : ''} (goal <= 1: ${check.ms <= ajv.ms ? 'met' : 'NOT met'})`);
  } finally {
    if (!keep) await fs.rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
