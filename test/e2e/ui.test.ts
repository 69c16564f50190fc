// UI tests: the packaged extension in a real VS Code (code-server) driven like a person would, with
// a screenshot of every step in test-results/e2e/.
import * as assert from 'node:assert/strict';
import { entityColours, quickOpen, runCommand, useWorkbench, type Workbench } from './workbench';

const REPORT = '2025-10-osce-moscow-mechanism-pow-report.legal.txt';

describe('Legal Annotator in VS Code (UI)', function () {
  const workbench = useWorkbench();
  let wb: Workbench;
  beforeEach(() => {
    wb = workbench();
  });

  it('opens a sample source text with Ctrl+P', async function () {
    await quickOpen(wb.page, REPORT);
    await wb.page.locator('.editor-instance .view-lines', { hasText: 'Moscow Mechanism' }).waitFor();
    await wb.shot('sample-opened');
  });

  it('renders states, dates and terms in three different colours', async function () {
    const page = wb.page;
    const { plain, colours: colors } = await entityColours(page, { state: 'Russian Federation', date: '2025-10-16', term: 'prisoners of war' });
    await wb.shot('highlighting');
    for (const [kind, color] of Object.entries(colors)) assert.notEqual(color, plain, `${kind} is rendered as plain text (${plain})`);
    assert.equal(new Set(Object.values(colors)).size, 3, `states, dates and terms share colours: ${JSON.stringify(colors)}`);
  });

  it('runs "Legal Annotator: Show log" from the command palette', async function () {
    const page = wb.page;
    // The Output view with our channel chosen in its picker, showing the log. The log may be long
    // enough by now that its first line ("activated") has scrolled away: any of its lines will do.
    const channel = `Array.from(document.querySelectorAll('.part.panel select')).map((s) => s.options[s.selectedIndex] ? s.options[s.selectedIndex].text : '').join('|')`;
    const logLine = page.locator('.part.panel .monaco-editor .view-lines', { hasText: /\[info\]|Legal Annotator/ });
    const deadline = Date.now() + 30000;
    for (;;) {
      await runCommand(page, 'Legal Annotator: Show log');
      // A palette Enter can be lost while the workbench is busy: run the command again.
      const shown = await page.waitForFunction(`${channel}.includes('Legal Annotator')`, undefined, { timeout: 5000 }).then(() => true, () => false);
      if (shown) break;
      assert.ok(Date.now() < deadline, `the Output view does not show the Legal Annotator channel (picker: ${String(await page.evaluate(channel))})`);
    }
    await logLine.first().waitFor({ state: 'visible' });
    await wb.shot('show-log');
  });
});
