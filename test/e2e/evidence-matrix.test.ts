// The evidence matrix in the real VS Code: tag passages of the sample workspace (as the CLI's
// `tag` does), run "Legal Annotator: Open evidence matrix" from the palette, see the webview
// beside the report with the table, the chart and the quotes, and click a quote to open the
// passage. Screenshots go to test-results/e2e/ (docs/images/evidence-matrix.png, shown in docs/interop.md).
import * as assert from 'node:assert/strict';
import { SAMPLE_TAGS, tagSamples } from '../support/tagged-samples';
import { quickOpen, runCommand, useWorkbench, workspacePath, type Workbench } from './workbench';

const REPORT = '2025-10-osce-moscow-mechanism-pow-report.legal.txt';
/** The annotator flow (annotator-flow.test.ts) tags this one itself. */
const TAGS = SAMPLE_TAGS.filter((tag) => tag.quote !== 'have been tortured');

describe('The evidence matrix (UI)', function () {
  const workbench = useWorkbench();
  let wb: Workbench;
  before(async () => {
    await tagSamples(workspacePath(), TAGS);
  });
  beforeEach(() => {
    wb = workbench();
  });

  it('opens beside the report with the matrix, the chart and the quotes', async function () {
    const page = wb.page;
    await quickOpen(page, REPORT);
    await runCommand(page, 'View: Close Primary Side Bar'); // room for the report and the matrix side by side
    await runCommand(page, 'Legal Annotator: Open evidence matrix');
    // A webview is an iframe holding the page's own iframe.
    const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await view.locator('h1', { hasText: 'Evidence matrix' }).waitFor({ state: 'visible' });
    await view.locator('svg.chart rect').first().waitFor({ state: 'visible' });
    await view.locator('table.matrix tr', { hasText: 'Arbitrary or unlawful detention' }).waitFor();
    assert.equal(await page.locator('.editor-group-container').count(), 2, 'the matrix opens beside the report');
    const rows = await view.locator('table.matrix tbody tr').count();
    assert.ok(rows >= 10, `${rows} rows`);
    await wb.shot('evidence-matrix');
    await view.locator('#category-forced-labour').scrollIntoViewIfNeeded();
    await wb.shot('evidence-matrix-quotes');
  });

  it('a click on a quote opens the passage in the report, selected', async function () {
    const page = wb.page;
    const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const quote = 'made to work on construction sites and in a sewing workshop without pay';
    await view.locator('li', { hasText: quote }).locator('a.where').click();
    await page.locator('.statusbar-item', { hasText: `(${quote.length} selected)` }).waitFor();
    await page.locator('.editor-group-container').first().locator('.tab.active', { hasText: REPORT }).waitFor();
    assert.equal(await page.locator('.tabs-container .tab', { hasText: REPORT }).count(), 1, 'opened in the editor of the report, not over the matrix');
    await wb.shot('evidence-matrix-opened-passage');
  });
});
