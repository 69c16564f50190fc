// `scan` detects a large source's claims in a worker thread (a real one, running the CLI's source
// through tsx) while it prints the entities: what it prints must be byte for byte what one thread
// prints, and when the worker cannot do it (no worker, a file changed since it was read) the claims
// are detected in this thread, which --verbose says and nothing else does.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClaimsWorker } from '../../../src/cli/commands/scan-claims-worker';
import type { CliContext } from '../../../src/cli/output';
import { runCli } from '../../../src/cli/run';
import { REPORT_PARAGRAPH } from '../../../scripts/generate-hostile';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';

const MAIN = join(__dirname, '../../../src/cli/main.ts');
const TSX = require.resolve('tsx/cjs');
/** The worker runs the CLI's TypeScript, for every source however small. */
const IN_WORKER: CliContext = { workerScript: MAIN, workerExecArgv: ['--require', TSX], claimsWorkerMinBytes: 0 };

async function cli(argv: string[], context: CliContext = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) }, context);
  return { code, out, err };
}

describe('legal-annotator scan: claims in a worker thread', function () {
  this.timeout(60_000);
  let dir: string;
  let report: string;
  let treaty: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'la-scan-worker-'));
    report = join(dir, 'report.txt');
    treaty = join(dir, 'treaty.txt');
    // A BOM, CRLF line ends, astral and multi-byte characters, a custom cue from the config, and a tag.
    const extra = 'Zeugen 😀 berichten: “the guards beat them” — Été 2022. Villagers were glorbed by the guards.\r\n\r\n';
    writeFileSync(report, `\uFEFF${`${REPORT_PARAGRAPH.trimEnd()}\r\n\r\n${extra}`.repeat(60)}The last detainees were tortured.\n`);
    writeFileSync(join(dir, '.legal-annotator.yaml'), 'version: 1\ntaxonomy:\n  categories:\n    - id: torture\n      cues: ["glorbed"]\n');
    assert.equal((await cli(['tag', report, '--category', 'torture', '--quote', 'The last detainees were tortured'])).code, 0);
    // Articles: the first states the law in its last paragraph (its claims are none), the second does not.
    writeFileSync(treaty, `Article 1\n\n${REPORT_PARAGRAPH}\n\nThe Parties shall protect prisoners.\n\nArticle 2\n\n${REPORT_PARAGRAPH}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the JSON and the text one thread prints, the tags marked', async function () {
    for (const format of ['json', 'text']) {
      const one = await cli(['scan', report, '--format', format]);
      const two = await cli(['scan', report, '--format', format, '--verbose'], IN_WORKER);
      assert.equal(two.err, `${report}: claims detected in a worker thread\n`);
      assert.equal(two.code, one.code);
      assert.equal(two.out, one.out, `--format ${format}`);
    }
    const [scanned] = JSON.parse((await cli(['scan', report])).out) as { claims: { tagged: boolean; text: string }[] }[];
    assert.ok(scanned.claims.length > 180, `${scanned.claims.length} claims`);
    assert.ok(scanned.claims.some((claim) => claim.tagged) && scanned.claims.some((claim) => claim.text.includes('glorbed')));
  });

  it('drops the claims of an article that states the law, as one thread does; says nothing without --verbose', async function () {
    const one = await cli(['scan', treaty, report]);
    const [scanned] = JSON.parse(one.out) as { claims: { start: number }[] }[];
    assert.equal(scanned.claims.length, 2, 'the claims of article 2 only');
    const quiet = await cli(['scan', treaty, report], IN_WORKER);
    assert.equal(quiet.out, one.out);
    assert.equal(quiet.err, '');
  });

  it('says under --verbose which sources were too small for the worker', async function () {
    const verbose = await cli(['scan', treaty, report, '--verbose'], { ...IN_WORKER, claimsWorkerMinBytes: 10_000 });
    assert.equal(verbose.err, `${treaty}: claims detected in this thread: a small source or standard input\n${report}: claims detected in a worker thread\n`);
  });

  it('detects in this thread when the worker does not start', async function () {
    const one = await cli(['scan', report]);
    const missing = await cli(['scan', report, '--verbose'], { ...IN_WORKER, workerScript: join(dir, 'no-such-cli.js') });
    assert.equal(missing.out, one.out);
    assert.match(missing.err, /report\.txt: claims detected in this thread: the worker thread (did not start|failed|exited)/);
  });

  it('refuses a file that no longer holds what was read (its length or its CRC-32)', async function () {
    const worker = new ClaimsWorker(MAIN, ['--require', TSX]);
    try {
      const file = join(dir, 'changed.txt');
      writeFileSync(file, 'Prisoners were tortured.\n');
      const differs = await worker.detect(file, Buffer.from('Prisoners were tortures.\n'), 0, DEFAULT_TAXONOMY).result('Prisoners were tortured.\n', DEFAULT_TAXONOMY);
      assert.deepEqual(differs, { kind: 'in-thread', reason: 'the file changed while scan read it' });
      const shorter = await worker.detect(file, Buffer.from('Prisoners were tortured. \n'), 0, DEFAULT_TAXONOMY).result('Prisoners were tortured.\n', DEFAULT_TAXONOMY);
      assert.equal(shorter.kind, 'in-thread');
      assert.match(shorter.kind === 'in-thread' ? shorter.reason : '', /changed since it was read/);
      const same = await worker.detect(file, Buffer.from('Prisoners were tortured.\n'), 0, DEFAULT_TAXONOMY).result('Prisoners were tortured.\n', DEFAULT_TAXONOMY);
      assert.equal(same.kind, 'packed');
    } finally {
      await worker.close();
    }
  });
});
