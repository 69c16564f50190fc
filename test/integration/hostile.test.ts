/**
 * Hostile files on the editor's open-and-tag path (issue 8): open each, try to tag it, and check
 * that the extension keeps running, reports the file (the store's read error names the sidecar
 * and the position), and writes nothing it should not: no sidecar for a source that is not
 * UTF-8, no change to a sidecar with errors, nothing outside the workspace. The CLI side of the
 * corpus is test/unit/hostile.test.ts.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { manyAnnotations, validSidecarText } from '../../scripts/generate-hostile';
import { anchorAll, PreparedText } from '../../src/core/anchoring/anchoring';
import { parseSidecar } from '../../src/core/sidecar/sidecar-io';
import { cleanFastRead } from '../../src/core/sidecar/fast-sidecar';
import { COMMANDS } from '../../src/extension/constants';
import { MAX_PASSAGES_LISTED } from '../../src/extension/annotationsView';
import type { LegalAnnotatorApi } from '../../src/extension/extension';
import { collectWorkspaceSources } from '../../src/extension/exportSources';
import { closeAllEditors, extension, waitFor, workspaceRoot } from './helpers';

const BASE = 'Prisoners of war were tortured at Olenivka in 2022.\nThe ICRC was denied access.\n';
let folders = 0;

async function freshFolder(): Promise<string> {
  const folder = join(workspaceRoot().fsPath, 'hostile-it', String(++folders));
  await fs.mkdir(folder, { recursive: true });
  return folder;
}

async function api(): Promise<LegalAnnotatorApi> {
  return (await extension().activate()) as LegalAnnotatorApi;
}

async function bytesOrNone(path: string): Promise<string | undefined> {
  return fs.readFile(path).then((b) => b.toString('base64'), () => undefined);
}

/** Opens a file (false when VS Code refuses it, as it may a binary one) and asks the store about it. */
async function open(path: string): Promise<vscode.TextDocument | undefined> {
  try {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
    await vscode.window.showTextDocument(document);
    return document;
  } catch {
    return undefined;
  }
}

async function tag(document: vscode.TextDocument, quote: string): Promise<unknown> {
  const start = document.getText().indexOf(quote);
  return vscode.commands.executeCommand(COMMANDS.tag, { uri: document.uri.toString(), start: Math.max(0, start), end: Math.max(0, start) + quote.length, category: 'torture' });
}

async function stillRunning(): Promise<void> {
  assert.ok(extension().isActive, 'the extension is still active');
  const folder = await freshFolder();
  const path = join(folder, 'ok.txt');
  await fs.writeFile(path, BASE);
  const document = await open(path);
  assert.ok(document);
  assert.ok(await tag(document, 'tortured'), 'a normal source can still be tagged');
}

describe('Hostile files in the editor', function () {
  this.timeout(60_000);
  afterEach(closeAllEditors);

  const notUtf8: [string, Uint8Array][] = [
    ['invalid UTF-8', Buffer.concat([Buffer.from('Prisoners were tortured in '), Buffer.from([0xe9, 0x80, 0x41]), Buffer.from(' Ukraine.\n')])],
    ['UTF-16 with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Prisoners were tortured in Ukraine.\n', 'utf16le')])],
    ['NUL bytes', Buffer.from('Prisoners\0were tortured\0in Ukraine.\n')],
    ['binary', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256))],
  ];
  for (const [name, bytes] of notUtf8) {
    it(`refuses to tag a source that is ${name}, writing no sidecar`, async () => {
      const path = join(await freshFolder(), 'source.txt');
      await fs.writeFile(path, bytes);
      const document = await open(path);
      if (document) assert.equal(await tag(document, 'tortured'), undefined, 'the tag command refuses');
      assert.equal(await bytesOrNone(`${path}.ann.yaml`), undefined, 'no sidecar written');
      await stillRunning();
    });
  }

  for (const [name, text] of [
    ['CRLF', BASE.replace(/\n/g, '\r\n')],
    ['CR-only', BASE.replace(/\n/g, '\r')],
    ['mixed line endings', 'Report\r\nPrisoners of war were tortured.\rThe ICRC\nwas denied access.\n'],
    ['astral, ZWJ and RTL text', 'Astral 😀 👩‍⚕️ and ‏تعذيب‏ then prisoners were tortured 𠜎 here.\n'],
    ['a 5 MB single line', `${'The mission heard many accounts of detention. '.repeat(110_000)}prisoners were tortured at the end.`],
  ]) {
    it(`tags a source with ${name} at the right code points`, async () => {
      const path = join(await freshFolder(), 'source.txt');
      await fs.writeFile(path, text);
      const document = await open(path);
      assert.ok(document);
      const id = await tag(document, 'tortured');
      assert.ok(id, 'tagged');
      const sidecar = parseSidecar(await fs.readFile(`${path}.ann.yaml`, 'utf8')).sidecar;
      assert.ok(sidecar);
      // VS Code normalises mixed line endings in its model, so the stored offsets may count the
      // editor's text; the quote must still anchor onto "tortured" in the file on disk.
      const [anchor] = anchorAll(new PreparedText(text), sidecar.annotations.map((a) => a.target));
      assert.ok(anchor.status === 'anchored' || anchor.status === 'moved', anchor.status);
      assert.equal(Array.from(text).slice(anchor.start, anchor.end).join(''), 'tortured');
      if (name !== 'mixed line endings') assert.equal(anchor.status, 'anchored');
      assert.equal(await fs.readFile(path, 'utf8'), text, 'the source is untouched');
    });
  }

  // The time is printed, not asserted (the machines are shared): docs/reliability.md records it.
  it('opens a source whose sidecar holds 100,000 annotations (23 MB) and tags it, losing none', async function () {
    this.timeout(120_000);
    const count = 100_000;
    const many = manyAnnotations(count);
    const folder = await freshFolder();
    const path = join(folder, 'many.txt');
    await fs.writeFile(path, many.source);
    await fs.writeFile(`${path}.ann.yaml`, many.sidecar);
    try {
      const store = (await api()).store;
      const started = Date.now();
      const document = await open(path);
      assert.ok(document);
      await waitFor(`the ${count} tags anchored`, () => store.get(document.uri)?.entries.filter((e) => e.kind === 'annotation' && e.anchor.status === 'anchored').length === count, 30_000);
      const opened = Date.now() - started;
      assert.ok(await tag(document, 'This is the last line'), 'tagged');
      const done = Date.now() - started;
      console.log(`      (${count.toLocaleString('en')} annotations: opened and anchored in ${opened} ms, tagged ${done - opened} ms later)`);
      const before = cleanFastRead(many.sidecar);
      const after = cleanFastRead(await fs.readFile(`${path}.ann.yaml`, 'utf8'));
      assert.ok(before && after, 'both sidecars read cleanly');
      assert.equal(after.annotations.length, count + 1);
      assert.deepEqual(after.annotations.slice(0, count), before.annotations, 'every annotation kept unchanged');
      assert.equal(after.annotations[count].target.exact, 'This is the last line');
      // The Annotations view lists the first 500 and counts the rest in one row.
      const view = (await api()).annotationsView;
      const more = `${(count + 1 - MAX_PASSAGES_LISTED).toLocaleString('en')} more`;
      let seen = 'nothing';
      await waitFor(`the Annotations view to list ${MAX_PASSAGES_LISTED} passages of the source, then "${more}" (it lists ${seen})`, async () => {
        const categories = await view.getChildren();
        const torture = categories.find((n) => n.kind === 'category' && n.categoryId === 'torture');
        const sources = torture ? await view.getChildren(torture) : [];
        const matching = sources.filter((n) => n.kind === 'source' && n.sourceUri.fsPath === path);
        const source = matching[0];
        const rows = source && (await view.getChildren(source));
        const last = rows?.at(-1);
        seen = `${categories.length} categories, ${sources.length} sources under torture (${matching.map((m) => m.kind === 'source' ? `${m.sourceUri.toString()} ${m.passages.length}` : '').join('; ')}), ${rows?.length ?? 'no'} rows ending with ${last ? String(view.getTreeItem(last).label) : '-'}`;
        return rows?.length === MAX_PASSAGES_LISTED + 1 && last?.kind === 'more' && view.getTreeItem(last).label === more;
      }).catch((error: Error) => assert.fail(`${error.message}; last seen: ${seen}`));
    } finally {
      // The later suites review and export the whole workspace: take this giant out of it again.
      await closeAllEditors();
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  it('reports a sidecar with an alias bomb, deep nesting or duplicate keys by name and position, and never writes it', async () => {
    const bomb = ['version: 1', 'source: source.txt', 'x-a0: &a0 ["lol"]', ...Array.from({ length: 9 }, (_, i) => `x-a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`), 'annotations: *a9', 'dismissed: []', ''].join('\n');
    const deep = `${validSidecarText('source.txt', BASE, 'tortured at Olenivka')}x-deep: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`;
    const duplicate = validSidecarText('source.txt', BASE, 'tortured at Olenivka').replace('version: 1', 'version: 1\nversion: 1');
    for (const sidecarText of [bomb, deep, duplicate]) {
      const folder = await freshFolder();
      const path = join(folder, 'source.txt');
      await fs.writeFile(path, BASE);
      await fs.writeFile(`${path}.ann.yaml`, sidecarText);
      const document = await open(path);
      assert.ok(document);
      const store = (await api()).store;
      const state = await waitFor('the store to read the sidecar', () => store.get(document.uri));
      assert.match(state.readError ?? '', /source\.txt\.ann\.yaml has errors \(line \d+, column \d+: /);
      assert.equal(await tag(document, 'denied access'), undefined, 'the tag command refuses');
      assert.equal(await fs.readFile(`${path}.ann.yaml`, 'utf8'), sidecarText, 'the sidecar keeps its bytes');
    }
    await stillRunning();
  });

  it('flags a sidecar whose source is outside the workspace and reads nothing there', async () => {
    const outside = join(dirname(workspaceRoot().fsPath), `outside-it-${Date.now()}`);
    await fs.mkdir(outside, { recursive: true });
    const secret = join(outside, 'secret.txt');
    await fs.writeFile(secret, BASE);
    for (const source of ['../../../outside/secret.txt', secret]) {
      const folder = await freshFolder();
      const sidecarPath = join(folder, 'secret.txt.ann.yaml');
      await fs.writeFile(sidecarPath, validSidecarText('secret.txt', BASE, 'tortured at Olenivka').replace('source: secret.txt', `source: ${JSON.stringify(source)}`));
      const document = await open(sidecarPath);
      assert.ok(document);
      const diagnostic = await waitFor('source-outside-folder on the sidecar', () => vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'source-outside-folder'));
      assert.match(diagnostic.message, /"source" (is an absolute path|goes up with "\.\.")/);
    }
    // "Export annotations…" and the evidence matrix skip them too, without reading the file.
    const collected = await collectWorkspaceSources((await api()).configs);
    assert.ok(collected);
    assert.deepEqual([...collected.absolute.values()].filter((path) => !path.startsWith(workspaceRoot().fsPath)), []);
    assert.equal(collected.skipped.filter((line) => /secret\.txt\.ann\.yaml: .*source-outside-folder/.test(line)).length, 2, collected.skipped.join('\n'));
    assert.equal(await fs.readFile(secret, 'utf8'), BASE);
    await stillRunning();
  });

  it('never writes through a sidecar that is a symbolic link out of the workspace', async () => {
    const outside = join(dirname(workspaceRoot().fsPath), `outside-link-${Date.now()}`);
    await fs.mkdir(outside, { recursive: true });
    const target = join(outside, 'source.txt.ann.yaml');
    const original = validSidecarText('source.txt', BASE, 'tortured at Olenivka');
    await fs.writeFile(target, original);
    const path = join(await freshFolder(), 'source.txt');
    await fs.writeFile(path, BASE);
    await fs.symlink(target, `${path}.ann.yaml`);
    const document = await open(path);
    assert.ok(document);
    await tag(document, 'denied access');
    assert.equal(await fs.readFile(target, 'utf8'), original, 'the file outside the workspace keeps its bytes');
    await stillRunning();
  });
});
