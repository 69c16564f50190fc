import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Annotation } from '../../../src/core/sidecar/model';
import { parseSidecar } from '../../../src/core/sidecar/sidecar-io';
import { runCli } from '../../../src/cli/run';
import { REPORT, SAMPLE_TAGS, STATEMENT, taggedSampleCopy } from '../../support/tagged-samples';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function annotationsOf(root: string, file: string): Promise<Annotation[]> {
  const doc = parseSidecar(await fs.readFile(join(root, `${file}.ann.yaml`), 'utf8'));
  assert.ok(doc.sidecar, `${file}.ann.yaml parses`);
  return doc.sidecar.annotations;
}

function essentials(annotations: readonly Annotation[]) {
  return annotations
    .map((a) => ({ category: a.category, start: a.target.start, end: a.target.end, exact: a.target.exact, note: a.note, status: a.status }))
    .sort((a, b) => a.start - b.start);
}

describe('legal-annotator export and import', () => {
  let root: string;
  let cwd: string;
  beforeEach(async () => {
    root = await taggedSampleCopy();
    cwd = process.cwd();
    process.chdir(root);
  });
  afterEach(async () => {
    process.chdir(cwd);
    await fs.rm(root, { recursive: true, force: true });
  });

  async function removeSidecars(): Promise<Map<string, Annotation[]>> {
    const before = new Map<string, Annotation[]>();
    for (const file of [REPORT, STATEMENT]) {
      before.set(file, await annotationsOf(root, file));
      await fs.rm(join(root, `${file}.ann.yaml`));
    }
    return before;
  }

  it('export --format w3c writes a collection of every tag with file:/// sources; import --format w3c restores the sidecars', async () => {
    const exported = await cli('export', '--format', 'w3c', '--out', 'out/annotations.jsonld');
    assert.equal(exported.code, 0, exported.err);
    assert.match(exported.err, /exported 12 annotation\(s\) of 2 source\(s\) as w3c to out\/annotations\.jsonld/);
    const collection = JSON.parse(await fs.readFile('out/annotations.jsonld', 'utf8'));
    assert.equal(collection.first.items.length, SAMPLE_TAGS.length);
    for (const item of collection.first.items) assert.match(item.target.source, /^file:\/\/\/.+\.legal\.(txt|md)$/);

    const before = await removeSidecars();
    const imported = await cli('import', '--format', 'w3c', 'out/annotations.jsonld');
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /2025-10-osce-moscow-mechanism-pow-report\.legal\.txt\.ann\.yaml: 7 added, 0 updated, 0 unchanged \(created\)/);
    for (const [file, annotations] of before) assert.deepEqual(essentials(await annotationsOf(root, file)), essentials(annotations));
    assert.equal((await cli('check')).code, 0);

    // Importing the same export again finds every annotation already there, by its exported id.
    const again = await cli('import', '--format', 'w3c', 'out/annotations.jsonld');
    assert.match(again.err, /imported into 2 sidecar\(s\): 0 added, 0 updated, 12 unchanged/);
  });

  it('export --format w3c --jsonl --base: base IRIs; import with the same base keeps the ids', async () => {
    const exported = await cli('export', '--format', 'w3c', '--jsonl', '--base', 'https://example.org/corpus', REPORT);
    assert.equal(exported.code, 0, exported.err);
    const lines = exported.out.trimEnd().split('\n').map((line) => JSON.parse(line));
    assert.equal(lines.length, 7);
    assert.equal(lines[0].target.source, `https://example.org/corpus/${REPORT}`);
    await fs.writeFile('report.jsonl', exported.out);
    const before = await removeSidecars();
    const refused = await cli('import', '--format', 'w3c', 'report.jsonl');
    assert.equal(refused.code, 1);
    assert.match(refused.err, /is not a file:\/\/\/ IRI; give --base/);
    const imported = await cli('import', '--format', 'w3c', 'report.jsonl', '--base', 'https://example.org/corpus/');
    assert.equal(imported.code, 0, imported.err);
    assert.deepEqual((await annotationsOf(root, REPORT)).map((a) => a.id), before.get(REPORT)!.map((a) => a.id));
  });

  it('export --format brat writes .txt, .ann and the configuration; import --format brat --sources restores the sidecars', async () => {
    // Inside the workspace: an export never writes outside it.
    const brat = join(root, 'brat-export');
    const exported = await cli('export', '--format', 'brat', '--out', brat);
    try {
      assert.equal(exported.code, 0, exported.err);
      const files = (await fs.readdir(join(brat, 'reports'))).sort();
      assert.deepEqual(files, [
        '2025-10-osce-moscow-mechanism-pow-report.legal.ann', '2025-10-osce-moscow-mechanism-pow-report.legal.txt',
        '2025-11-witness-statement.legal.md.ann', '2025-11-witness-statement.legal.md.txt',
      ]);
      assert.equal(await fs.readFile(join(brat, 'reports/2025-10-osce-moscow-mechanism-pow-report.legal.txt'), 'utf8'), await fs.readFile(REPORT, 'utf8'));
      assert.match(await fs.readFile(join(brat, 'annotation.conf'), 'utf8'), /\[entities\][^[]*\npillage\n/);
      const ann = await fs.readFile(join(brat, 'reports/2025-10-osce-moscow-mechanism-pow-report.legal.ann'), 'utf8');
      assert.match(ann, /^T1\ttorture 275 293\thave been tortured\n#1\tAnnotatorNotes T1\tGC III 17, 130\nA1\tStatus T1 proposed\n/);

      const before = await removeSidecars();
      const imported = await cli('import', '--format', 'brat', brat, '--sources', '.');
      assert.equal(imported.code, 0, imported.err);
      for (const [file, annotations] of before) assert.deepEqual(essentials(await annotationsOf(root, file)), essentials(annotations));
      assert.equal((await cli('check')).code, 0);
    } finally {
      await fs.rm(brat, { recursive: true, force: true });
    }
  });

  it('import --format brat reports unknown types and passages not in the source, and never writes a sidecar it cannot parse', async () => {
    await fs.mkdir('brat/reports', { recursive: true });
    const text = await fs.readFile(REPORT, 'utf8');
    await fs.writeFile('brat/reports/2025-10-osce-moscow-mechanism-pow-report.legal.txt', `${text}Extra words at the end.\n`);
    const tortured = [...text.slice(0, text.indexOf('have been tortured'))].length;
    const length = [...text].length;
    await fs.writeFile('brat/reports/2025-10-osce-moscow-mechanism-pow-report.legal.ann', [
      `T1\ttorture ${tortured} ${tortured + 18}\thave been tortured`,
      `T2\tbeheading ${tortured} ${tortured + 4}\thave`,
      `T3\tother ${length} ${length + 11}\tExtra words`,
      '',
    ].join('\n'));
    const result = await cli('import', '--format', 'brat', 'brat', '--sources', '.');
    assert.equal(result.code, 1);
    assert.match(result.out, /0 added, 0 updated, 1 unchanged/);
    assert.match(result.err, /T2: error: unknown category "beheading"/);
    assert.match(result.err, /T3: error: not found in 2025-10-osce-moscow-mechanism-pow-report\.legal\.txt/);

    const sidecar = `${REPORT}.ann.yaml`;
    const broken = (await fs.readFile(sidecar, 'utf8')).replace('version: 1', 'version: [');
    await fs.writeFile(sidecar, broken);
    const refused = await cli('import', '--format', 'brat', 'brat', '--sources', '.');
    assert.equal(refused.code, 1);
    assert.match(refused.err, /the sidecar has errors .*nothing was written/);
    assert.equal(await fs.readFile(sidecar, 'utf8'), broken);
  });

  it('export --format csv: stdout or --out, --bom; a sidecar with errors is skipped with exit 1', async () => {
    const plain = await cli('export', '--format', 'csv');
    assert.equal(plain.code, 0, plain.err);
    assert.ok(plain.out.startsWith('file,id,category,label,legal_basis,quote,start,end,line,note,author,status,created,anchor,current_text,incident,elements\r\n'));
    assert.equal(plain.out.split('\r\n').length - 2, SAMPLE_TAGS.length, 'one row per tag (CRLF ends rows; a line break of a quote stays inside its field)');
    assert.equal((await cli('export', '--format', 'csv', '--bom', '--out', 'tags.csv')).code, 0);
    assert.ok((await fs.readFile('tags.csv', 'utf8')).startsWith('\uFEFFfile,'));
    await fs.writeFile(`${STATEMENT}.ann.yaml`, 'version: [\n');
    const skipped = await cli('export', '--format', 'csv');
    assert.equal(skipped.code, 1);
    assert.match(skipped.err, /2025-11-witness-statement\.legal\.md\.ann\.yaml: skipped: the sidecar has errors/);
  });

  it('refuses bad usage with exit 2: no format, options of another format, brat without --out or over the sources', async () => {
    assert.equal((await cli('export')).code, 2);
    assert.match((await cli('export', '--format', 'csv', '--jsonl')).err, /--jsonl is for --format w3c/);
    assert.match((await cli('export', '--format', 'brat')).err, /give --out DIR/);
    const over = await cli('export', '--format', 'brat', '--out', '.');
    assert.equal(over.code, 2);
    assert.match(over.err, /is a source: an export never replaces one/);
    assert.match((await cli('export', '--format', 'w3c', '--base', 'corpus/')).err, /--base: "corpus\/" is not an absolute IRI/);
    assert.equal((await cli('import', '--format', 'csv', 'x')).code, 2);
    assert.equal((await cli('import', '--format', 'brat', 'nowhere')).code, 2);
  });

  it('says why an import file cannot be read, in the words every command uses', async () => {
    spawnSync('mkfifo', ['pipe.jsonld']);
    await fs.writeFile('u.jsonld', Buffer.from('\ufeff{}', 'utf16le'));
    for (const [file, reason] of [['nothere.jsonld', 'no such file'], ['pipe.jsonld', 'is a named pipe (FIFO), not a regular file'], ['u.jsonld', 'is UTF-16 (byte order mark at byte 0)']]) {
      const run = await cli('import', '--format', 'w3c', file);
      assert.equal(run.code, 2);
      assert.ok(run.err.startsWith(`legal-annotator import: ${file}: ${reason}`), run.err);
    }
  });
});

describe('legal-annotator export then import, twice, as real processes', function () {
  this.timeout(120_000);
  const MAIN = join(__dirname, '../../../src/cli/main.ts');
  const TEXT = 'The prisoners were tortured and beaten,\nthen executed.\r\nNo access for the ICRC; they were tortured again.\n';
  let folder: string;

  /** Runs the CLI in its own process in `folder`; fails the test on any exit but 0. */
  function run(...argv: string[]): string {
    const result = spawnSync(process.execPath, ['-r', require.resolve('tsx/cjs'), MAIN, ...argv], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(result.status, 0, `legal-annotator ${argv.join(' ')}: ${result.stderr}`);
    return result.stderr;
  }

  beforeEach(async () => {
    folder = await fs.mkdtemp(join(tmpdir(), 'la-idempotent-'));
    await fs.mkdir(join(folder, '.git'));
    await fs.writeFile(join(folder, 'r.txt'), TEXT);
    run('tag', 'r.txt', '--category', 'torture', '--quote', 'tortured', '--occurrence', '2', '--note', 'two\nlines, and\ta tab');
    run('tag', 'r.txt', '--category', 'wilful-killing', '--quote', 'beaten,\nthen executed', '--author', 'A. Reviewer');
    run('tag', 'r.txt', '--category', 'denial-of-icrc-access', '--quote', 'No access for the ICRC');
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  const formats: [string, string[], string[]][] = [
    ['brat', ['export', '--format', 'brat', '--out', 'out'], ['import', '--format', 'brat', 'out', '--sources', '.']],
    ['W3C JSON-LD', ['export', '--format', 'w3c', '--out', 'out.jsonld'], ['import', '--format', 'w3c', 'out.jsonld']],
    ['W3C JSON Lines', ['export', '--format', 'w3c', '--jsonl', '--out', 'out.jsonl'], ['import', '--format', 'w3c', 'out.jsonl']],
  ];
  for (const [name, exportArgs, importArgs] of formats) {
    it(`${name}: the sidecar stays byte for byte`, async () => {
      const sidecar = join(folder, 'r.txt.ann.yaml');
      const before = await fs.readFile(sidecar);
      run(...exportArgs);
      for (let round = 1; round <= 2; round++) {
        assert.match(run(...importArgs), /imported into 1 sidecar\(s\): 0 added, 0 updated, 3 unchanged/, `import ${round}`);
        assert.deepEqual(await fs.readFile(sidecar), before, `after import ${round}`);
      }
    });
  }
});
