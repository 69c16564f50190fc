// Incidents in the workbench: a folder with one tagged witness statement and an incidents.yaml
// whose incident of torture has no evidence yet. The Annotations view's Incidents group shows each
// element of torture as a gap; Ctrl+. on the tag, "Add tag "torture" to incident…", the incident
// picked from the quick pick and one element checked, and the gap closes. Screenshots go to
// test-results/e2e/ (the closed gap is docs/images/incidents-gap-closed.png, in docs/incidents.md
// and docs/editor.md).
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseIncidents } from '../../src/core/incidents/incidents-io';
import { sidecarTextOf, tagOf } from '../support/two-annotators';
import { codeAction, quickOpen, runCommand, selectOnly, useWorkbench, workspacePath, type Workbench } from './workbench';

const SOURCE = 'witness-2025-12.legal.txt';
const TEXT = [
  'Statement of a released prisoner of war, recorded on 2 December 2025.',
  '',
  'He said that guards tortured prisoners of war with electric shocks to make them confess.',
  '',
].join('\n');
const QUOTE = 'tortured prisoners of war with electric shocks';
const INCIDENTS = [
  '# Incidents of this folder',
  'version: 1',
  'incidents:',
  '  - id: colony-shocks',
  '    title: Electric shocks in the colony',
  '    date: 2025-11',
  '    categories: [torture]',
  '',
].join('\n');
const SEVERE_PAIN = 'The perpetrator inflicted severe physical or mental pain';

/** A folder beside the sample workspace (a new window: its own extension host). */
function createFolder(): string {
  const folder = join(dirname(workspacePath()), 'incidents-folder');
  mkdirSync(join(folder, '.git'), { recursive: true });
  writeFileSync(join(folder, SOURCE), TEXT);
  writeFileSync(join(folder, `${SOURCE}.ann.yaml`), sidecarTextOf(SOURCE, TEXT, [tagOf(TEXT, 'w1', 'torture', QUOTE, 'Ana')]));
  writeFileSync(join(folder, 'incidents.yaml'), INCIDENTS);
  return folder;
}

describe('Link a tag to an incident and see the gap close (UI)', function () {
  let folder = '';
  before(() => {
    folder = createFolder();
  });
  const workbench = useWorkbench('trusted', join(dirname(workspacePath()), 'incidents-folder'));
  let wb: Workbench;
  beforeEach(() => {
    wb = workbench();
  });

  it('"Add tag to incident…" with one element checked: the element is no longer a gap', async function () {
    const page = wb.page;
    await quickOpen(page, SOURCE);
    await runCommand(page, 'Focus on Annotations View');
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Annotations' }) });
    const severePain = view.locator('.monaco-list-row', { hasText: SEVERE_PAIN });
    await view.locator('.monaco-list-row', { hasText: 'Electric shocks in the colony' }).waitFor({ state: 'visible' });
    await severePain.filter({ hasText: 'no evidence' }).waitFor({ state: 'visible' });
    await wb.shot('incidents-1-gaps');

    await page.keyboard.press('Control+1');
    await selectOnly(page, QUOTE);
    await codeAction(wb, 'Add tag "torture" to incident', 'incidents-2-code-action');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Electric shocks in the colony' }).first().click();
    const element = rows.filter({ hasText: SEVERE_PAIN }).first();
    await element.waitFor({ state: 'visible' });
    await element.locator('.monaco-checkbox, input[type=checkbox]').first().click();
    await wb.shot('incidents-3-elements');
    await page.locator('.quick-input-widget .quick-input-action .monaco-button, .quick-input-widget .monaco-button', { hasText: 'OK' }).first().click();

    await severePain.filter({ hasText: '1 origin' }).waitFor({ state: 'visible' });
    const written = parseIncidents(readFileSync(join(folder, 'incidents.yaml'), 'utf8'));
    assert.deepEqual(written.file!.incidents[0].evidence, [{ source: SOURCE, annotation: 'w1', elements: ['torture-severe-pain'] }]);
    // For the picture: the folder's file list folded, the side bar wider, the element's passage shown.
    await page.locator('.pane-header', { hasText: 'incidents-folder' }).click();
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      const edge = { x: sidebar.x + sidebar.width + 1, y: sidebar.y + sidebar.height / 2 };
      await page.mouse.move(edge.x, edge.y);
      await page.mouse.down();
      await page.mouse.move(edge.x + 380, edge.y, { steps: 8 });
      await page.mouse.up();
    }
    await severePain.click();
    await view.locator('.monaco-list-row', { hasText: QUOTE }).last().waitFor({ state: 'visible' });
    await page.keyboard.press('Control+1');
    await wb.shot('incidents-gap-closed');
  });
});
