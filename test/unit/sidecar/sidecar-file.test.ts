import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSidecarFile, SidecarWriteRefused, unchangedBytesAround, writeSidecarFile } from '../../../src/core/sidecar/sidecar-file';
import { addAnnotation, newSidecarDocument, parseSidecar, sidecarFileText } from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { sidecarScansAccepted } from '../../../src/core/sidecar/sidecar-scan';

const target = { start: 0, end: 3, exact: 'The', prefix: '', suffix: ' prisoners' };

describe('sidecar files', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-sidecar-'));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('writes atomically and leaves no temporary file behind', async () => {
    const path = join(folder, 'report.txt.ann.yaml');
    const doc = addAnnotation(newSidecarDocument('report.txt', sourceHash('The prisoners')), { id: 'a1', category: 'torture', target });
    await writeSidecarFile(path, doc);
    assert.equal(await fs.readFile(path, 'utf8'), doc.text);
    assert.deepEqual(await fs.readdir(folder), ['report.txt.ann.yaml']);
    const read = await readSidecarFile(path);
    assert.deepEqual(read?.sidecar, doc.sidecar);
    assert.equal(await readSidecarFile(join(folder, 'missing.ann.yaml')), undefined);
  });

  it('an append to a file read from disk (read whole, or scanned) writes the bytes as read around the new entry: the same bytes as the whole text (BOM, CRLF, non-ASCII)', async () => {
    const quotes = ['The', 'Заключённые «были»', 'détenus 😀 ici'];
    const layouts = [
      { bom: false, eol: '\n' },
      { bom: true, eol: '\n' },
      { bom: false, eol: '\r\n' },
      { bom: true, eol: '\r\n' },
    ];
    let chunked = 0;
    const scans = sidecarScansAccepted();
    for (const scanEntries of [false, true]) {
      for (const { bom, eol } of layouts) {
        for (const [index, exact] of quotes.entries()) {
          const path = join(folder, `s${index}${bom ? 'b' : ''}${eol.length}${scanEntries ? 's' : ''}.txt.ann.yaml`);
          const first = addAnnotation(newSidecarDocument('s.txt', sourceHash('x')), { id: 'a1', category: 'torture', target: { start: 0, end: 4, exact: 'Über', prefix: '', suffix: ' «x»' } });
          const fileText = (bom ? '\uFEFF' : '') + first.text.replace(/\n/g, eol);
          await fs.writeFile(path, fileText);
          // Read with the scan, the bytes are never decoded; the text is made when asked for.
          const read = await readSidecarFile(path, { scanEntries });
          assert.ok(read?.writable, `${path} reads cleanly`);
          const entry = { id: 'a2', category: 'torture', target: { start: 5, end: 5 + [...exact].length, exact, prefix: 'é', suffix: '' } };
          const appended = addAnnotation(read, entry);
          const chunks = unchangedBytesAround(appended);
          if (chunks) chunked++;
          await writeSidecarFile(path, appended);
          const whole = addAnnotation(parseSidecar(fileText), entry);
          assert.deepEqual(await fs.readFile(path), Buffer.from(sidecarFileText(whole), 'utf8'), `${path}: the bytes written are the whole read's append`);
          assert.equal(sidecarFileText(appended), sidecarFileText(whole));
          assert.deepEqual(appended.lastEdit, whole.lastEdit);
          assert.deepEqual((await readSidecarFile(path))?.sidecar, whole.sidecar);
        }
      }
    }
    // The chunked write and the scan were taken (else this test proves nothing about them).
    assert.equal(chunked, 2 * layouts.length * quotes.length);
    assert.equal(sidecarScansAccepted() - scans, layouts.length * quotes.length);
  });

  it('a document not one edit away from a file read from disk is written from its text', async () => {
    const doc = addAnnotation(newSidecarDocument('r.txt', sourceHash('')), { id: 'a1', category: 'torture', target });
    assert.equal(unchangedBytesAround(doc), undefined);
  });

  it('keeps the file mode of the file it replaces', async function () {
    if (process.platform === 'win32') this.skip();
    const path = join(folder, 'r.txt.ann.yaml');
    const doc = newSidecarDocument('r.txt', sourceHash(''));
    await writeSidecarFile(path, doc);
    await fs.chmod(path, 0o640);
    await writeSidecarFile(path, addAnnotation(doc, { id: 'a1', category: 'torture', target }));
    assert.equal((await fs.stat(path)).mode & 0o777, 0o640);
  });

  it('serialises writes to one path: quick successive writes all land, in order', async () => {
    const path = join(folder, 'r.txt.ann.yaml');
    let doc = newSidecarDocument('r.txt', sourceHash('The'));
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      doc = addAnnotation(doc, { id: `a${i}`, category: 'torture', target });
      writes.push(writeSidecarFile(path, doc)); // not awaited: all in flight at once
    }
    await Promise.all(writes);
    const read = await readSidecarFile(path);
    assert.deepEqual(read?.sidecar?.annotations.map((a) => a.id), Array.from({ length: 20 }, (_, i) => `a${i}`));
    assert.deepEqual(await fs.readdir(folder), ['r.txt.ann.yaml']);
  });

  it('two concurrent writers of different paths both land', async () => {
    const a = join(folder, 'a.txt.ann.yaml');
    const b = join(folder, 'b.txt.ann.yaml');
    await Promise.all([writeSidecarFile(a, newSidecarDocument('a.txt', sourceHash('a'))), writeSidecarFile(b, newSidecarDocument('b.txt', sourceHash('b')))]);
    assert.equal((await readSidecarFile(a))?.sidecar?.source, 'a.txt');
    assert.equal((await readSidecarFile(b))?.sidecar?.source, 'b.txt');
  });

  it('never writes a document that had errors, and the file on disk stays as it was', async () => {
    const path = join(folder, 'r.txt.ann.yaml');
    const original = 'version: 1\nsource: r.txt\nsourceHash: nope\nannotations: [\n';
    await fs.writeFile(path, original);
    const broken = await readSidecarFile(path);
    assert.equal(broken?.writable, false);
    await assert.rejects(writeSidecarFile(path, broken!), SidecarWriteRefused);
    assert.equal(await fs.readFile(path, 'utf8'), original);
    // A failed write does not block the next one to the same path.
    const good = newSidecarDocument('r.txt', sourceHash(''));
    await writeSidecarFile(path, good);
    assert.equal(await fs.readFile(path, 'utf8'), good.text);
  });

  it('a write that fails (missing folder) rejects and does not block later writes', async () => {
    const missing = join(folder, 'no-such-folder', 'r.txt.ann.yaml');
    const doc = newSidecarDocument('r.txt', sourceHash(''));
    const failed = writeSidecarFile(missing, doc);
    const later = writeSidecarFile(missing, doc);
    await assert.rejects(failed);
    await assert.rejects(later);
    await fs.mkdir(join(folder, 'no-such-folder'));
    await writeSidecarFile(missing, doc);
    assert.equal(await fs.readFile(missing, 'utf8'), doc.text);
  });

  it('reads a BOM and CRLF sidecar and writes them back unchanged', async () => {
    const path = join(folder, 'r.txt.ann.yaml');
    const text = `\uFEFFversion: 1\r\nsource: r.txt\r\nsourceHash: ${sourceHash('The')}\r\nannotations: []\r\n`;
    await fs.writeFile(path, text);
    const doc = await readSidecarFile(path);
    assert.deepEqual(doc?.problems, []);
    await writeSidecarFile(path, addAnnotation(doc!, { id: 'a1', category: 'torture', target }));
    const written = await fs.readFile(path, 'utf8');
    assert.ok(written.startsWith(`\uFEFFversion: 1\r\nsource: r.txt\r\nsourceHash: ${sourceHash('The')}\r\nannotations:\r\n  - id: a1\r\n`));
    assert.doesNotMatch(written, /[^\r]\n/);
  });

  it('reports a sidecar that is not UTF-8 and refuses to write over it', async () => {
    const path = join(folder, 'r.txt.ann.yaml');
    await fs.writeFile(path, Buffer.from([0x76, 0x3a, 0x20, 0xff, 0x0a]));
    const doc = await readSidecarFile(path);
    assert.equal(doc?.problems[0].code, 'encoding');
    await assert.rejects(writeSidecarFile(path, doc!), SidecarWriteRefused);
    assert.equal(parseSidecar('').writable, false);
  });
});
