// Restricted Mode, played in a workbench with workspace trust on (the second code-server of
// scripts/test-vscode/run-e2e.mjs; the integration tests cannot do it: VS Code always trusts a
// workspace opened to run extension tests). The sample workspace's .legal-annotator.yaml adds a
// glossary term ("electric shocks") and a category: until the user trusts the folder, the
// extension highlights with the built-in lexicon only and says so once; trusting it brings them in.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { editorForeground, quickOpen, runCommand, tokenColor, useWorkbench, type Workbench } from './workbench';

const REPORT = '2025-10-osce-moscow-mechanism-pow-report.legal.txt';
const STATEMENT = '2025-11-witness-statement.legal.md';
/** A term of the sample config's own glossary (not of the built-in one), early in the report. */
const CUSTOM_TERM = 'electric shocks';
const NOTICE = 'Restricted Mode: Legal Annotator ignores the custom glossary';

/** Waits until `text` is rendered in a colour other than plain text (or, with `plain`, in plain text). */
async function waitForColor(page: Page, text: string, want: 'highlighted' | 'plain', timeoutMs = 20000): Promise<string> {
  const plain = await editorForeground(page);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const color = await tokenColor(page, text);
    if ((color === plain) === (want === 'plain')) return color;
    assert.ok(Date.now() < deadline, `"${text}" is still rendered ${want === 'plain' ? `in ${color}, not as plain text` : 'as plain text'} after ${timeoutMs / 1000} s`);
    await page.waitForTimeout(100);
  }
}

/** The notifications whose text holds NOTICE, in the notification center (toasts move there). */
async function noticeCount(page: Page): Promise<number> {
  await runCommand(page, 'Notifications: Show Notifications');
  const rows = page.locator('.notifications-center .monaco-list-row', { hasText: NOTICE });
  await rows.first().waitFor({ state: 'visible' });
  const count = await rows.count();
  await runCommand(page, 'Notifications: Hide Notifications');
  return count;
}

describe('Restricted Mode (UI, workspace trust on)', function () {
  const workbench = useWorkbench('restricted');
  let wb: Workbench;
  beforeEach(() => {
    wb = workbench();
  });

  it('opens the sample workspace in Restricted Mode', async function () {
    await wb.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible' });
  });

  it('highlights with the built-in lexicon, not the glossary of the untrusted config', async function () {
    const page = wb.page;
    await quickOpen(page, REPORT);
    await page.locator('.editor-instance .view-lines', { hasText: CUSTOM_TERM }).waitFor();
    await waitForColor(page, 'Russian Federation', 'highlighted');
    await page.locator('.notifications-toasts', { hasText: NOTICE }).waitFor({ state: 'visible' });
    await waitForColor(page, CUSTOM_TERM, 'plain');
    await wb.shot('restricted-1-builtin-only');
  });

  it('says so once, however many sources are opened', async function () {
    await quickOpen(wb.page, STATEMENT);
    await waitForColor(wb.page, 'Russian', 'highlighted');
    assert.equal(await noticeCount(wb.page), 1);
    await wb.shot('restricted-2-said-once');
  });

  it('uses the glossary of the config once the workspace is trusted', async function () {
    const page = wb.page;
    await runCommand(page, 'Workspaces: Manage Workspace Trust');
    const trust = page.locator('.workspace-trust-editor').getByRole('button', { name: 'Trust', exact: true });
    await trust.waitFor({ state: 'visible' });
    await wb.shot('restricted-3-trust-editor');
    await trust.click();
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'hidden' });
    await page.locator('.workspace-trust-editor', { hasText: 'You trust this folder' }).waitFor({ state: 'visible' });
    // The trust editor opens as a modal editor, which keeps Quick Open away: close it.
    await page.locator('a.codicon-close[aria-label^="Close Modal Editor"]').click();
    await page.locator('.workspace-trust-editor').waitFor({ state: 'hidden' });
    await page.locator('.tabs-container .tab', { hasText: REPORT }).click();
    await page.locator('.tabs-container .tab.active', { hasText: REPORT }).waitFor({ state: 'visible' });
    await waitForColor(page, CUSTOM_TERM, 'highlighted');
    await wb.shot('restricted-4-trusted');
  });
});
