// Adjudication in the workbench: a git repository with my tags on `main` and another annotator's
// on branch `bob`; "Legal Annotator: Compare annotations with…" picks `bob` from the quick pick,
// their tags are outlined beside mine, the Annotations view lists the disagreements, the status
// bar shows the agreement; Ctrl+. "Accept theirs" writes their tag with the decision recorded,
// and "Undo last annotation change" restores the sidecar. Screenshots go to test-results/e2e/ (the code
// action menu over the compared source is docs/images/compare-adjudicate.png, in docs/team-review.md).
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseSidecar } from '../../src/core/sidecar/sidecar-io';
import { createTwoAnnotatorRepository, DECIDER, tagOf } from '../support/two-annotators';
import { codeAction, quickOpen, runCommand, selectOnly, useWorkbench, workspacePath, type Workbench } from './workbench';

const SOURCE = 'witness-2025-11.legal.txt';
const TEXT = [
  'Statement of a released prisoner of war, recorded in Kyiv on 14 November 2025.',
  '',
  'He said that prisoners of war were tortured with electric shocks in the basement of the colony.',
  '',
  'Two of them were executed at dawn in front of the others, a guard told him.',
  '',
  'Representatives of the ICRC were denied access to the colony throughout his detention.',
  '',
].join('\n');

const tag = (id: string, category: string, quote: string, author: string) => tagOf(TEXT, id, category, quote, author);

const MINE = [tag('m1', 'torture', 'tortured with electric shocks', 'Ana'), tag('m2', 'ill-treatment', 'executed at dawn', 'Ana')];
const THEIRS = [
  tag('t1', 'torture', 'tortured with electric shocks', 'Bo'),
  tag('t2', 'wilful-killing', 'executed', 'Bo'),
  tag('t3', 'denial-of-icrc-access', 'denied access', 'Bo'),
];

/** A repository beside the sample workspace (in the run's temporary folder): their tags on `bob`, mine on `main`. */
function createRepository(): { folder: string; original: string } {
  const folder = join(dirname(workspacePath()), 'compare-repo');
  mkdirSync(folder, { recursive: true });
  return { folder, original: createTwoAnnotatorRepository(folder, { source: SOURCE, text: TEXT, mine: MINE, theirs: THEIRS }) };
}

describe('Compare with another annotator\'s branch and accept their tag (UI)', function () {
  let repository: { folder: string; original: string };
  before(() => {
    repository = createRepository();
  });
  const workbench = useWorkbench('trusted', join(dirname(workspacePath()), 'compare-repo'));
  let wb: Workbench;
  beforeEach(() => {
    wb = workbench();
  });
  const sidecar = () => readFileSync(join(repository.folder, `${SOURCE}.ann.yaml`), 'utf8');

  it('compares with branch bob: their tags outlined, the disagreements listed, the agreement shown', async function () {
    const page = wb.page;
    await quickOpen(page, SOURCE);
    await runCommand(page, 'Legal Annotator: Compare annotations with…');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'bob' }).first().waitFor({ state: 'visible' });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Folder…' }).first().waitFor({ state: 'visible' });
    await page.locator('.quick-input-widget input').fill('bob');
    await page.keyboard.press('Enter');
    // Exact F1 = 2 * 1 / (2 + 3): one tag of mine matches one of theirs.
    await page.locator('.statusbar-item', { hasText: 'F1 0.40' }).waitFor({ state: 'visible' });
    await runCommand(page, 'Focus on Annotations View');
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Annotations' }) });
    await view.locator('.monaco-list-row', { hasText: 'Disagreements' }).waitFor({ state: 'visible' });
    await view.locator('.monaco-list-row', { hasText: 'theirs wilful-killing (Bo) · mine ill-treatment' }).waitFor({ state: 'visible' });
    await view.locator('.monaco-list-row', { hasText: 'theirs denial-of-icrc-access (Bo) · mine: none' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Control+1');
    // Mine: two tints; theirs: three outlines (dashed borders) on the lines shown.
    const outlined = await page.evaluate(`Array.from(document.querySelectorAll('.view-overlays [class*=TextEditorDecorationType]')).filter((e) => getComputedStyle(e).borderStyle.includes('dashed')).length`) as number;
    assert.ok(outlined >= 3, `${outlined} outlined ranges`);
    await wb.shot('compare-1-ghosts');
  });

  it('"Accept theirs" writes their tag with the decision; "Undo last annotation change" restores the sidecar', async function () {
    const page = wb.page;
    await page.keyboard.press('Control+1');
    await page.locator('.editor-instance .monaco-editor.focused').waitFor();
    await selectOnly(page, 'executed at dawn');
    await page.keyboard.press('ArrowLeft');
    await codeAction(wb, 'Accept theirs', 'compare-adjudicate');
    const deadline = Date.now() + 30000;
    while (!sidecar().includes('id: t2') && Date.now() < deadline) await page.waitForTimeout(200);
    const accepted = parseSidecar(sidecar()).sidecar!.annotations;
    assert.deepEqual(accepted.map((a) => a.id), ['m1', 't2']);
    assert.deepEqual(accepted[1].adjudicated?.from, ['t2', 'm2']);
    assert.equal(accepted[1].adjudicated?.by, DECIDER);
    // Two of two tags of mine now match theirs: F1 = 2 * 2 / (2 + 3).
    await page.locator('.statusbar-item', { hasText: 'F1 0.80' }).waitFor({ state: 'visible' });
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Annotations' }) });
    await view.locator('.monaco-list-row', { hasText: 'Disagreements' }).filter({ hasText: '1 with bob' }).waitFor({ state: 'visible' });
    await wb.shot('compare-2-accepted');

    await runCommand(page, 'Legal Annotator: Undo last annotation change');
    while (sidecar() !== repository.original && Date.now() < deadline + 30000) await page.waitForTimeout(200);
    assert.equal(sidecar(), repository.original);
    await page.locator('.statusbar-item', { hasText: 'F1 0.40' }).waitFor({ state: 'visible' });
  });
});
