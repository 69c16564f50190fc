// A new user's first minute: a folder holding only report.txt (no .legal-annotator.yaml, no
// sidecar) opened in a new window with the packaged extension installed, so the extension starts
// cold, woken by the plain-text document. The report gets colours on open, Ctrl+. offers "Tag as
// Torture", the tag lands in report.txt.ann.yaml, and the walkthrough "Get started with Legal
// Annotator" is there. A screenshot of every step goes to test-results/e2e/.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeAction, editorForeground, entityColours, quickOpen, selectOnly, tokenColor, useWorkbench, type Workbench } from './workbench';

const REPORT = 'report.txt';
const PASSAGE = 'were tortured';
const REPORT_TEXT = 'On 3 March 2022 the Russian Federation moved the detainees to a camp near Olenivka.\n'
  + `Ukrainian prisoners of war ${PASSAGE} in March 2022.\n`;
const WALKTHROUGH = 'Get started with Legal Annotator';
const STEPS = ['Open a source', 'Tag a passage', 'Review untagged claims', 'Run check'];

/** A fresh folder (under the run's temporary folder) holding only report.txt. */
function reportOnlyFolder(): string {
  const folder = realpathSync(mkdtempSync(join(tmpdir(), 'report-only-')));
  writeFileSync(join(folder, REPORT), REPORT_TEXT);
  return folder;
}

describe('The first minute: a folder holding only report.txt (UI)', function () {
  const folder = reportOnlyFolder();
  const workbench = useWorkbench('trusted', folder);
  let wb: Workbench;
  beforeEach(() => {
    wb = workbench();
  });

  it('opens report.txt as Legal Text, with states, dates and terms coloured', async function () {
    const page = wb.page;
    await quickOpen(page, REPORT);
    await page.locator('.statusbar-item', { hasText: 'Legal Text' }).first().waitFor({ state: 'visible' });
    const { plain, colours } = await entityColours(page, { state: 'Russian Federation', date: '3 March 2022', term: 'prisoners of war' });
    await wb.shot('first-minute-1-coloured');
    for (const [kind, colour] of Object.entries(colours)) assert.notEqual(colour, plain, `${kind} is rendered as plain text (${plain})`);
  });

  it('offers "Tag as Torture" on Ctrl+. for a selected passage', async function () {
    const page = wb.page;
    await selectOnly(page, PASSAGE);
    await codeAction(wb, 'Tag as Torture', 'first-minute-2-code-actions');
    await page.locator('.view-overlays [class*=TextEditorDecorationType]').first().waitFor({ state: 'attached' });
    await wb.shot('first-minute-3-tagged');
  });

  it('writes the tag to report.txt.ann.yaml beside the report, and nothing else', async function () {
    const sidecar = join(folder, `${REPORT}.ann.yaml`);
    const deadline = Date.now() + 10000;
    while (!existsSync(sidecar) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(existsSync(sidecar), `${sidecar} was not written`);
    const text = readFileSync(sidecar, 'utf8');
    assert.match(text, /category: torture/);
    assert.match(text, new RegExp(`exact: ${PASSAGE}`));
    assert.deepEqual(readdirSync(folder).sort(), [REPORT, `${REPORT}.ann.yaml`]);
  });

  it(`opens the walkthrough "${WALKTHROUGH}" with its four steps`, async function () {
    const page = wb.page;
    // "Welcome: Open Walkthrough..." asks which walkthrough in the same quick input.
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>Welcome: Open Walkthrough');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: WALKTHROUGH }).first().click();
    await input.waitFor({ state: 'hidden' });
    const welcome = page.locator('.gettingStartedContainer');
    await welcome.locator('.getting-started-category h2, .category-title', { hasText: WALKTHROUGH }).first().waitFor({ state: 'visible' });
    for (const step of STEPS) await welcome.locator('.getting-started-step', { hasText: step }).first().waitFor({ state: 'visible' });
    await wb.shot('first-minute-4-walkthrough');
  });

  it('shows a step\'s page from the .vsix and checks the step off when its button runs the command', async function () {
    const page = wb.page;
    const welcome = page.locator('.gettingStartedContainer');
    const step = welcome.locator('.getting-started-step', { hasText: 'Review untagged claims' }).first();
    const done = welcome.locator('[data-done-step-id$="#reviewClaims"]');
    await step.click();
    // The step's media: media/walkthrough/review-claims.md, rendered in a webview (an iframe in an iframe).
    const media = page.frameLocator('.getting-started-media iframe').first().frameLocator('iframe').first();
    await media.locator('h1', { hasText: 'Review untagged claims' }).waitFor({ state: 'visible' });
    assert.equal(await done.getAttribute('aria-checked'), 'false', 'selecting the step checked it off: its completion events are not used');
    await step.locator('a, .button-link', { hasText: 'Review the workspace' }).first().click();
    await page.waitForFunction(`document.querySelector('[data-done-step-id$="#reviewClaims"]')?.getAttribute('aria-checked') === 'true'`);
    await wb.shot('first-minute-5-walkthrough-step-done');
  });
});

describe('A .txt that a config leaves out of the sources (UI)', function () {
  // reports/report.txt is a source (the config's glob), notes.txt is not.
  const folder = realpathSync(mkdtempSync(join(tmpdir(), 'config-excludes-')));
  mkdirSync(join(folder, 'reports'));
  writeFileSync(join(folder, '.legal-annotator.yaml'), 'version: 1\nsources:\n  - "reports/**/*.txt"\n');
  writeFileSync(join(folder, 'reports', REPORT), REPORT_TEXT);
  writeFileSync(join(folder, 'notes.txt'), REPORT_TEXT);
  const workbench = useWorkbench('trusted', folder);
  let wb: Workbench;
  beforeEach(() => {
    wb = workbench();
  });

  it('opens the report the glob matches as Legal Text', async function () {
    await quickOpen(wb.page, REPORT);
    await wb.page.locator('.statusbar-item', { hasText: 'Legal Text' }).first().waitFor({ state: 'visible' });
  });

  it('leaves notes.txt plain text, uncoloured, with nothing to tag on Ctrl+.', async function () {
    const page = wb.page;
    await quickOpen(page, 'notes.txt');
    await page.locator('.statusbar-item', { hasText: 'Plain Text' }).first().waitFor({ state: 'visible' });
    await selectOnly(page, PASSAGE);
    // With nothing to offer, the editor says so where the menu would be, for a few seconds only:
    // on a loaded machine the message can come and go between two looks, so Ctrl+. is pressed again.
    const answer = page.locator('.monaco-editor-overlaymessage, .action-widget', { hasText: /No code actions|Tag as/ }).first();
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+.');
      const seen = await answer.waitFor({ state: 'visible', timeout: 15_000 }).then(() => true, (error: Error) => {
        if (attempt === 3) throw error;
        return false;
      });
      if (seen) break;
    }
    await wb.shot('config-excludes-notes');
    assert.equal(await page.locator('.action-widget .monaco-list-row', { hasText: 'Tag as' }).count(), 0, 'Ctrl+. offers tagging on a file that is no source');
    const plain = await editorForeground(page);
    assert.equal(await tokenColor(page, 'Russian Federation'), plain, 'a state is coloured in a file that is no source');
    assert.equal(await page.locator('.statusbar-item', { hasText: 'Plain Text' }).count(), 1);
  });
});
