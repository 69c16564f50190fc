// The annotator's flow, played in the workbench as a person would: open a sample source, select a
// passage, Ctrl+., "Tag as Torture", see the tint and the Annotations view entry, hover the tag, and
// find the tag in the sidecar on disk. A screenshot of every step goes to test-results/e2e/.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeAction, quickOpen, runCommand, selectOnly, useWorkbench, workspacePath, type Workbench } from './workbench';

const REPORT = '2025-10-osce-moscow-mechanism-pow-report.legal.txt';
const PASSAGE = 'have been tortured';

describe('The annotator tags a passage (UI)', function () {
  const workbench = useWorkbench();
  let wb: Workbench;
  beforeEach(() => {
    wb = workbench();
  });

  it('selects a passage and tags it with Ctrl+. "Tag as Torture"', async function () {
    const page = wb.page;
    await quickOpen(page, REPORT);
    await page.locator('.editor-instance .view-lines', { hasText: 'Moscow Mechanism' }).waitFor();
    await selectOnly(page, PASSAGE);
    await wb.shot('flow-1-passage-selected');

    await codeAction(wb, 'Tag as Torture', 'flow-2-code-actions');
  });

  it('shows the tint of the tag in the text', async function () {
    const tint = wb.page.locator('.view-overlays [class*=TextEditorDecorationType]');
    await tint.first().waitFor({ state: 'attached' });
    assert.ok((await tint.count()) > 0);
    await wb.page.locator('.view-lines', { hasText: 'Torture' }).waitFor(); // the label after the passage
    await wb.shot('flow-3-tag-tint');
  });

  it('lists the tag in the Annotations view', async function () {
    await runCommand(wb.page, 'Focus on Annotations View');
    const view = wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: 'Annotations' }) });
    await view.locator('.monaco-list-row', { hasText: 'Torture' }).first().waitFor({ state: 'visible' });
    await wb.shot('flow-4-annotations-view');
  });

  it('shows the category and its legal basis when hovering the tag', async function () {
    const page = wb.page;
    // The passage is still selected: ArrowLeft puts the cursor at its start, inside the tag, and
    // "Show or Focus Hover" (Ctrl+K Ctrl+I) opens the hover there, as a keyboard user would.
    await page.keyboard.press('Control+1'); // back to the editor from the Annotations view
    await page.locator('.editor-instance .monaco-editor.focused').waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover', { hasText: 'GC III 17' });
    await hover.first().waitFor({ state: 'visible' });
    // The hover fades in: wait for the end of the animation so the screenshot shows it whole.
    await page.waitForFunction(`(() => {
      const hover = Array.from(document.querySelectorAll('.monaco-hover')).find((h) => (h.textContent || '').includes('GC III 17'));
      return !!hover && hover.getAnimations({ subtree: true }).every((a) => a.playState !== 'running');
    })()`, undefined, { timeout: 5000 }).catch(() => undefined);
    await wb.shot('flow-5-hover');
  });

  it('wrote the tag to the sidecar on disk', async function () {
    const sidecar = join(workspacePath(), 'reports', `${REPORT}.ann.yaml`);
    assert.ok(existsSync(sidecar), `${sidecar} was not written`);
    const text = readFileSync(sidecar, 'utf8');
    assert.match(text, /category: torture/);
    assert.match(text, new RegExp(`exact: ${PASSAGE}`));
  });
});
