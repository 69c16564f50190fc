/**
 * The heavy work of a large source (reading its sidecar, detecting claims, semantic tokens) runs
 * on the background worker (src/extension/background.ts), and what comes back for an older
 * version of the text is never shown.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { createTarget, PreparedText } from '../../src/core/anchoring/anchoring';
import { sourceHash } from '../../src/core/sidecar/source-hash';
import { UNTAGGED_CLAIM_CODE } from '../../src/extension/constants';
import type { LegalAnnotatorApi } from '../../src/extension/extension';
import { closeAllEditors, extension, waitFor, workspaceFile } from './helpers';

const CLAIM = 'Witnesses said the prisoners of war were tortured with electric shocks in the basement.';
const OTHER = 'The Permanent Council met in Vienna on 24.07.2025 to discuss the report of the mission.';
/** A term wrapped across lines, which the line-based grammar leaves to semantic tokens in a legal-text source. */
const LAST_LINE = 'The report names prisoners of\nwar held there.';
/** Lines of the source before LAST_LINE: every other one a claim; every fourth claim tagged. */
const LINES = 6_000;

interface LargeSource {
  name: string;
  text: string;
  /** UTF-16 ranges of the tagged claim lines. */
  tagged: { start: number; end: number }[];
}

/** A source of about 0.5 MB, one sentence a line, with a sidecar tagging every fourth claim line whole. */
async function writeLargeSource(name: string): Promise<LargeSource> {
  const lines = Array.from({ length: LINES }, (_, i) => (i % 2 === 0 ? CLAIM : OTHER));
  const text = `${lines.join('\n')}\n${LAST_LINE}\n`;
  const prepared = new PreparedText(text);
  const sidecar = ['version: 1', `source: ${JSON.stringify(name)}`, `sourceHash: ${sourceHash(text)}`, 'annotations:'];
  const tagged: LargeSource['tagged'] = [];
  for (let i = 0; i < LINES; i += 8) {
    // Line i (even) follows i / 2 claim lines and i / 2 other lines.
    const start = (i / 2) * (CLAIM.length + 1 + OTHER.length + 1);
    const target = createTarget(prepared, start, start + CLAIM.length);
    tagged.push({ start, end: start + CLAIM.length });
    sidecar.push(`  - id: t-${i}`, '    category: torture', '    target:', `      start: ${target.start}`, `      end: ${target.end}`,
      `      exact: ${JSON.stringify(target.exact)}`, `      prefix: ${JSON.stringify(target.prefix)}`, `      suffix: ${JSON.stringify(target.suffix)}`, '    status: proposed');
  }
  sidecar.push('dismissed: []', '');
  await fs.writeFile(workspaceFile(name).fsPath, text);
  await fs.writeFile(`${workspaceFile(name).fsPath}.ann.yaml`, sidecar.join('\n'));
  return { name, text, tagged };
}

function claimDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.code === UNTAGGED_CLAIM_CODE);
}

/** Resolves with the next publication of live claim diagnostics for `uri`. */
function nextPublish(api: LegalAnnotatorApi, uri: vscode.Uri): Promise<void> {
  return new Promise((resolve) => {
    const listener = api.claims.onDidPublish((published) => {
      if (published.toString() !== uri.toString()) return;
      listener.dispose();
      resolve();
    });
  });
}

describe('Heavy work on the background worker', function () {
  this.timeout(180_000);
  afterEach(closeAllEditors);

  it('opens a large source: its tags load, untagged claims and semantic tokens come from the worker', async () => {
    const api = (await extension().activate()) as LegalAnnotatorApi;
    const source = await writeLargeSource('background-large.legal.txt');
    const before = api.background.jobs.byWorker;
    const uri = workspaceFile(source.name);
    const published = nextPublish(api, uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const state = await waitFor('the tags to load', () => {
      const loaded = api.store.get(uri);
      return loaded && loaded.entries.length === source.tagged.length ? loaded : undefined;
    }, 60_000);
    assert.ok(state.entries.every((e) => e.anchor.status === 'anchored'), 'every tag anchored');
    await published;

    const diagnostics = claimDiagnostics(uri);
    const claimLines = LINES / 2;
    assert.equal(diagnostics.length, claimLines - source.tagged.length, 'one diagnostic per untagged claim line');
    for (const diagnostic of diagnostics) assert.equal(document.getText(diagnostic.range), CLAIM);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', uri);
    assert.ok(tokens && tokens.data.length > 0, 'semantic tokens');
    // The sidecar's read, the claims and the tokens: three jobs at least, none run on the extension host instead.
    assert.ok(api.background.jobs.byWorker - before >= 3, `jobs answered by the worker: ${api.background.jobs.byWorker - before}`);
    assert.equal(api.background.jobs.onHost, 0, 'no job fell back to the extension host');
  });

  it('shows the claims of the text as it is after quick edits, never those detected for an older version', async () => {
    const api = (await extension().activate()) as LegalAnnotatorApi;
    const source = await writeLargeSource('background-edited.legal.txt');
    const uri = workspaceFile(source.name);
    const first = nextPublish(api, uri);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await first;
    // The version each publication showed the claims of (publication is synchronous with the check of the version).
    let publishedVersion = -1;
    const listener = api.claims.onDidPublish((published) => {
      if (published.toString() === uri.toString()) publishedVersion = editor.document.version;
    });
    // Each edit moves every claim; typed while detections are scheduled or running on the worker.
    for (let i = 0; i < 5; i++) {
      assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), `Line ${i} added above.\n`)));
      await new Promise((resolve) => setTimeout(resolve, 150 * i));
    }
    const finalVersion = editor.document.version;
    await waitFor('claims of the final text', () => publishedVersion === finalVersion || undefined, 60_000).finally(() => listener.dispose());
    const diagnostics = claimDiagnostics(uri);
    assert.equal(diagnostics.length, LINES / 2 - source.tagged.length);
    const misplaced = diagnostics.filter((d) => editor.document.getText(d.range) !== CLAIM);
    assert.deepEqual(misplaced.slice(0, 3).map((d) => editor.document.getText(d.range)), [], 'every diagnostic on a claim of the current text');
  });
});
