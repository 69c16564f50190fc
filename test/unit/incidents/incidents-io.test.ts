import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addEvidence, addIncident, IncidentsEditError, newIncidentsDocument, parseIncidents, removeEvidence } from '../../../src/core/incidents/incidents-io';
import { editIncidentsFile, IncidentsWriteRefused, readIncidentsFile } from '../../../src/core/incidents/incidents-file';
import { formatIncidentDate, incidentUrn } from '../../../src/core/incidents/model';
import { sidecarLockPath } from '../../../src/core/sidecar/sidecar-lock';

const COMMENTED = `# Case file of the camp (kept by hand)
version: 1
incidents:
  # first reported in August
  - id: camp-2022-07
    title: 'Torture in the camp'   # quoted on purpose
    categories: [torture]
    evidence:
      - source: reports/a.txt
        annotation: a-1
        elements: [torture-severe-pain]

  # another one
  - id: transfers
    title: Transfers
    categories: [deportation]
`;

describe('incidents file: edits through the sidecar engine', () => {
  it('adds evidence to one incident, leaving every other byte (comments, quoting, blank lines) as it was', () => {
    const doc = parseIncidents(COMMENTED);
    const next = addEvidence(doc, 'transfers', { source: 'reports/b.txt', annotation: 'b-7', elements: ['deportation-removed'] });
    assert.equal(next.text, COMMENTED + '    evidence:\n      - source: reports/b.txt\n        annotation: b-7\n        elements:\n          - deportation-removed\n');
    const joined = addEvidence(next, 'camp-2022-07', { source: 'reports/a.txt', annotation: 'a-1', elements: ['torture-purpose', 'torture-severe-pain'] });
    assert.deepEqual(joined.file!.incidents[0].evidence, [{ source: 'reports/a.txt', annotation: 'a-1', elements: ['torture-severe-pain', 'torture-purpose'] }]);
    assert.ok(joined.text.startsWith('# Case file of the camp (kept by hand)\nversion: 1\nincidents:\n  # first reported in August\n'));
    assert.ok(joined.text.includes("title: 'Torture in the camp'   # quoted on purpose"), joined.text);
    assert.ok(joined.text.endsWith(next.text.slice(next.text.indexOf('\n  # another one'))), 'the second incident is untouched');
  });

  it('appends an incident in the file\'s indentation, into an empty [] list, and in CRLF files with CRLF', () => {
    const added = addIncident(parseIncidents(COMMENTED), { id: 'new-one', title: 'New', categories: ['torture'], date: { from: '2022-03', to: '2022-04' } });
    assert.ok(added.text.startsWith(COMMENTED));
    assert.equal(added.text.slice(COMMENTED.length), '  - id: new-one\n    title: New\n    categories:\n      - torture\n    date:\n      from: 2022-03\n      to: 2022-04\n');
    const fresh = addIncident(newIncidentsDocument(), { id: 'a', title: 'A', categories: ['torture'] });
    assert.match(fresh.text, /^# Legal Annotator incidents.*\nversion: 1\nincidents:\n {2}- id: a\n {4}title: A\n {4}categories:\n {6}- torture\n$/s);
    const crlf = addIncident(newIncidentsDocument('\r\n'), { id: 'a', title: 'A', categories: ['torture'] });
    assert.ok(!/[^\r]\n/.test(crlf.text), 'every line ends with CRLF');
    assert.equal(crlf.file!.incidents[0].id, 'a');
  });

  it('removes one evidence entry, refuses unknown ids and duplicate incidents, and never edits a file with errors', () => {
    const doc = parseIncidents(COMMENTED);
    assert.deepEqual(removeEvidence(doc, 'camp-2022-07', 'reports/a.txt', 'a-1').file!.incidents[0].evidence, []);
    assert.throws(() => removeEvidence(doc, 'camp-2022-07', 'reports/a.txt', 'zzz'), IncidentsEditError);
    assert.throws(() => addEvidence(doc, 'nope', { source: 'a', annotation: 'b' }), /no incident with id "nope"/);
    assert.throws(() => addIncident(doc, { id: 'transfers', title: 'x', categories: ['torture'] }), /already exists/);
    const broken = parseIncidents('version: 1\nincidents:\n  - id: x\n');
    assert.equal(broken.writable, false);
    assert.throws(() => addEvidence(broken, 'x', { source: 'a', annotation: 'b' }), /has errors and cannot be changed: 3:5/);
  });

  it('names incidents by a URN and dates as ISO 8601 days or intervals', () => {
    assert.equal(incidentUrn('camp-2022-07'), 'urn:legal-annotator:incident:camp-2022-07');
    assert.equal(formatIncidentDate('2022-07-29'), '2022-07-29');
    assert.equal(formatIncidentDate({ from: '2022-03', to: '2022-09-30' }), '2022-03/2022-09-30');
    assert.equal(formatIncidentDate(undefined), undefined);
  });
});

describe('incidents file on disk: locked, atomic', () => {
  let folder = '';
  beforeEach(async () => {
    folder = await fs.mkdtemp(join(tmpdir(), 'incidents-file-'));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('creates the file on the first edit, writes nothing when the edit changes nothing, and leaves no lock or temporary file', async () => {
    const path = join(folder, 'incidents.yaml');
    assert.equal(await readIncidentsFile(path), undefined);
    await editIncidentsFile(path, (doc) => addIncident(doc, { id: 'a', title: 'A', categories: ['torture'] }));
    const written = await fs.readFile(path, 'utf8');
    assert.equal((await readIncidentsFile(path))!.file!.incidents[0].id, 'a');
    const stat = await fs.stat(path);
    await editIncidentsFile(path, () => undefined);
    assert.equal((await fs.stat(path)).mtimeMs, stat.mtimeMs);
    assert.equal(await fs.readFile(path, 'utf8'), written);
    assert.deepEqual(await fs.readdir(folder), ['incidents.yaml']);
  });

  it('refuses to write a file with errors or through a symbolic link', async () => {
    const path = join(folder, 'incidents.yaml');
    await fs.writeFile(path, 'version: 1\nincidents: 3\n');
    await assert.rejects(editIncidentsFile(path, (doc) => doc), IncidentsWriteRefused);
    assert.equal(await fs.readFile(path, 'utf8'), 'version: 1\nincidents: 3\n');
    const link = join(folder, 'link.yaml');
    await fs.symlink(path, link);
    await assert.rejects(editIncidentsFile(link, (doc) => doc), /symbolic link/);
  });

  it('serialises writers of two processes through the lock: every incident added is kept', async function () {
    this.timeout(60_000);
    const path = join(folder, 'incidents.yaml');
    const script = join(folder, 'writer.ts');
    const io = join(__dirname, '../../../src/core/incidents');
    await fs.writeFile(script, `
      import { editIncidentsFile } from ${JSON.stringify(join(io, 'incidents-file'))};
      import { addIncident } from ${JSON.stringify(join(io, 'incidents-io'))};
      (async () => {
        for (let i = 0; i < 10; i++) {
          await editIncidentsFile(${JSON.stringify(path)}, (doc) => addIncident(doc, { id: process.argv[2] + '-' + i, title: 'T', categories: ['torture'] }), { waitMs: 30000 });
        }
      })();
    `);
    const run = (name: string) => new Promise<number | null>((resolve) => {
      spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), script, name], { stdio: 'inherit' }).on('exit', resolve);
    });
    assert.deepEqual(await Promise.all([run('p'), run('q')]), [0, 0]);
    const ids = (await readIncidentsFile(path))!.file!.incidents.map((incident) => incident.id).sort();
    assert.equal(ids.length, 20);
    assert.deepEqual(ids.filter((id) => id.startsWith('p-')).length, 10);
    await assert.rejects(fs.access(sidecarLockPath(path)));
  });
});
