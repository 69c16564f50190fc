// The reviewer's flow, played in the workbench: open a sample source, see its untagged claims in
// the Problems panel, tag one with the quick fix (Ctrl+.) and see its problem go, dismiss another
// as "Not a claim", reload the window and find it still dismissed, then review the whole
// workspace. A screenshot of every step goes to test-results/e2e/.
import * as assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { codeAction, quickOpen, runCommand, selectOnly, useWorkbench, workspacePath, type Workbench } from './workbench';

const SAMPLE = '2025-11-witness-statement.legal.md';
/** A copy of the sample made by this suite: the suites before it may have tagged the sample itself. */
const STATEMENT = 'reviewer-statement.legal.md';
/** Cues as the problem messages quote them: `untagged claim: "beaten" suggests …`. */
const TAGGED_CUE = '"beaten" suggests';
const DISMISSED_CUE = '"arbitrary detention" suggests';
const STILL_UNTAGGED_CUE = '"ICRC" suggests';

const problemRows = (page: Page, text: string) => page.locator('.markers-panel .monaco-list-row', { hasText: text });

/** The Problems panel's filter box (the visible one: the panel may keep a hidden copy in its body). */
const problemsFilter = (page: Page) => page.locator('.panel .viewpane-filter input:visible, .panel .markers-panel-action-filter input:visible').first();

/** Opens the Problems panel and shows only the problems whose text holds `filter` (the panel's own filter box). */
async function filterProblems(page: Page, filter: string): Promise<void> {
  await runCommand(page, 'Problems: Focus on Problems View');
  const input = problemsFilter(page);
  await input.waitFor({ state: 'visible' });
  await input.fill(filter);
}

/**
 * Waits until the Problems panel, filtered by `cue`, lists `count` problems of the statement. After
 * a window reload the panel may restore its filter widget after our first fill: while the box does
 * not hold `cue`, it is filled again.
 */
async function expectProblems(page: Page, cue: string, count: number): Promise<void> {
  await filterProblems(page, cue);
  const rows = problemRows(page, cue);
  const deadline = Date.now() + 30000;
  for (;;) {
    const filtered = (await problemsFilter(page).inputValue().catch(() => '')) === cue;
    if (filtered && (await rows.count()) === count) return;
    assert.ok(Date.now() < deadline, `the Problems panel, filtered by ${cue} (the box holds ${filtered ? 'it' : 'something else'}), lists ${await rows.count()} problem(s), not ${count}`);
    if (!filtered) await problemsFilter(page).fill(cue).catch(() => undefined);
    await page.waitForTimeout(200);
  }
}

/** Puts the cursor (no selection) at the start of `text` in the active editor, with the find widget. */
async function cursorAt(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+1');
  await page.locator('.editor-instance .monaco-editor.focused').waitFor();
  await selectOnly(page, text);
  await page.keyboard.press('ArrowLeft');
}

describe('The reviewer finds, tags and dismisses untagged claims (UI)', function () {
  before(() => {
    copyFileSync(join(workspacePath(), 'reports', SAMPLE), join(workspacePath(), 'reports', STATEMENT));
  });
  const workbench = useWorkbench();
  let wb: Workbench;
  beforeEach(() => {
    wb = workbench();
  });

  it('lists the untagged claims of an open source in the Problems panel', async function () {
    await quickOpen(wb.page, STATEMENT);
    await expectProblems(wb.page, 'untagged claim', 8);
    await wb.shot('review-1-problems');
  });

  it('tags a claim with the quick fix, and its problem goes', async function () {
    const page = wb.page;
    await cursorAt(page, 'beaten with rubber batons');
    await codeAction(wb, 'Tag sentence as Inhuman or degrading treatment', 'review-2-quick-fix');
    await expectProblems(page, TAGGED_CUE, 0);
    await expectProblems(page, 'untagged claim', 7);
    // The coverage of the source, beside its tag count.
    await page.locator('.statusbar-item', { hasText: '1 of 8 claims tagged' }).waitFor({ state: 'visible' });
    await wb.shot('review-3-tagged');
  });

  it('dismisses another as "Not a claim"; the dismissal is in the sidecar', async function () {
    const page = wb.page;
    await cursorAt(page, 'describes arbitrary detention');
    await codeAction(wb, 'Not a claim', 'review-4-not-a-claim');
    await expectProblems(page, DISMISSED_CUE, 0);
    await expectProblems(page, 'untagged claim', 6);
    await wb.shot('review-5-dismissed');
    const sidecar = readFileSync(join(workspacePath(), 'reports', `${STATEMENT}.ann.yaml`), 'utf8');
    assert.match(sidecar, /^dismissed:\n {2}- id: d-/m);
    assert.match(sidecar, /exact: The account describes arbitrary detention/);
    assert.match(sidecar, /category: ill-treatment/);
  });

  it('keeps the claim dismissed after the window is reloaded', async function () {
    const page = wb.page;
    await page.reload();
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 90000 });
    await quickOpen(page, STATEMENT);
    // The statement's problems are back (computed again after the reload) ...
    await expectProblems(page, STILL_UNTAGGED_CUE, 1);
    await expectProblems(page, 'untagged claim', 6);
    // ... without the tagged and the dismissed one.
    await expectProblems(page, DISMISSED_CUE, 0);
    await expectProblems(page, TAGGED_CUE, 0);
    await wb.shot('review-6-after-reload');
  });

  it('reviews the whole workspace: the sources that are not open get their problems too', async function () {
    const page = wb.page;
    await runCommand(page, 'Legal Annotator: Review workspace');
    await page.locator('.notifications-toasts', { hasText: /Reviewed \d+ sources: \d+ of \d+ claims tagged, \d+ dismissed/ }).waitFor({ state: 'visible', timeout: 60000 });
    await wb.shot('review-7-workspace-summary');
    // The OSCE report is not open: its claims are listed from the review.
    await filterProblems(page, '');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'osce-moscow-mechanism' }).first().waitFor({ state: 'visible', timeout: 30000 });
    await wb.shot('review-8-workspace-problems');
  });
});
