// Playwright helpers for the UI tests: open the workbench that scripts/test-vscode/run-e2e.mjs serves
// (code-server with the packaged .vsix installed, samples/ open) in headless Chromium, take
// screenshots of every step, report the server log on failure.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the UI tests with \`npm run test:e2e\``);
  return value;
}

export const serverUrl = (server: Server = 'trusted'): string => serverEnv(server, 'URL');
export const workspacePath = (server: Server = 'trusted'): string => serverEnv(server, 'WORKSPACE');
export const screenshotDir = (): string => env('LEGAL_ANNOTATOR_E2E_SCREENSHOTS');

/** Which served workbench to open: the usual one, or the one with workspace trust on (Restricted Mode). */
export type Server = 'trusted' | 'restricted';
const serverEnv = (server: Server, name: 'URL' | 'WORKSPACE' | 'SERVER_LOG'): string =>
  env(server === 'restricted' ? `LEGAL_ANNOTATOR_E2E_RESTRICTED_${name}` : `LEGAL_ANNOTATOR_E2E_${name}`);

/** Last lines of code-server's log, for failure reports. */
export function serverLogTail(lines = 30, server: Server = 'trusted'): string {
  try {
    return fs.readFileSync(serverEnv(server, 'SERVER_LOG'), 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

export interface Workbench {
  browser: Browser;
  page: Page;
  /** Saves a screenshot named NN-<name>.png and returns its path. */
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * Launches Chromium, opens the workbench on the sample workspace (or on `folder`, any folder on this
 * machine: a new window, so a new extension host) and waits until the explorer lists a file.
 */
export async function openWorkbench(server: Server = 'trusted', folder = workspacePath(server)): Promise<Workbench> {
  const browser = await chromium.launch({
    executablePath: env('LEGAL_ANNOTATOR_CHROMIUM'),
    args: JSON.parse(env('LEGAL_ANNOTATOR_CHROMIUM_ARGS')) as string[],
    env: { ...process.env, ...(JSON.parse(env('LEGAL_ANNOTATOR_BROWSER_ENV')) as Record<string, string>) },
    headless: true,
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.setDefaultTimeout(30000);
  const workbench: Workbench = {
    browser,
    page,
    async shot(name) {
      counter += 1;
      const file = path.join(screenshotDir(), `${String(counter).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await browser.close();
    },
  };
  await page.goto(`${serverUrl(server)}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 90000 });
  return workbench;
}

/** Opens a file with Quick Open (Ctrl+P) and waits for its editor tab to be active. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible' });
  await page.locator('.editor-instance .view-lines .view-line').first().waitFor({ state: 'visible' });
}

/**
 * Selects `text`, which must occur once in the focused editor, with the find widget: Escape closes
 * it and leaves the match selected.
 */
export async function selectOnly(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+F');
  const find = page.locator('.editor-widget.find-widget textarea, .editor-widget.find-widget input').first();
  await find.waitFor({ state: 'visible' });
  await find.fill(text);
  await page.locator('.find-widget .matchesCount', { hasText: '1 of 1' }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.statusbar-item', { hasText: `(${text.length} selected)` }).waitFor();
}

/**
 * Runs a command by its title from the command palette (F1). Right after the workbench loads, the
 * extension host may not have registered the extension's commands yet: until the title is listed,
 * the palette is closed and opened again (up to `timeoutMs`). Done once the palette is gone: the
 * quick input hidden, or showing the command's own pick (the same input, no longer `>TITLE`).
 */
export async function runCommand(page: Page, title: string, timeoutMs = 30000): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const listed = await row.waitFor({ state: 'visible', timeout: 2000 }).then(() => true, () => false);
    if (listed) break;
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden' });
    assert.ok(Date.now() < deadline, `the command palette does not list "${title}" after ${timeoutMs / 1000} s`);
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(PALETTE_GONE);
}

/** The command palette is gone: no quick input shown, or one that does not hold a command's `>` query. */
const PALETTE_GONE = `(() => {
  const input = document.querySelector('.quick-input-widget input');
  return !input || input.offsetParent === null || !input.value.startsWith('>');
})()`;

/**
 * The colour the editor renders `text` in: the innermost span of the active editor's visible lines
 * whose text contains it (the grammar's token for it, coloured by the theme).
 */
export async function tokenColor(page: Page, text: string): Promise<string> {
  // Runs in the page (as a string: this project's TypeScript has no DOM types).
  const color = await page.evaluate(`(() => {
    const needle = ${JSON.stringify(text)};
    const spans = Array.from(document.querySelectorAll('.editor-instance .view-lines .view-line span span'));
    const hit = spans.find((s) => (s.textContent || '').replace(/\\u00a0/g, ' ').includes(needle));
    return hit ? getComputedStyle(hit).color : undefined;
  })()`) as string | undefined;
  assert.ok(color, `"${text}" is not rendered in the visible lines of the editor`);
  return color;
}

/** The colour of plain text in the editor (the theme's foreground). */
export async function editorForeground(page: Page): Promise<string> {
  return page.evaluate(`getComputedStyle(document.querySelector('.editor-instance .view-lines')).color`) as Promise<string>;
}

export type EntityKind = 'state' | 'date' | 'term';

/**
 * The colours the active editor renders a state, a date and a term in, and the colour of plain
 * text. The grammar tokenizes asynchronously: it waits (up to 20 s) until the date is no longer
 * rendered as plain text.
 */
export async function entityColours(page: Page, texts: Record<EntityKind, string>): Promise<{ plain: string; colours: Record<EntityKind, string> }> {
  const plain = await editorForeground(page);
  const deadline = Date.now() + 20000;
  while ((await tokenColor(page, texts.date)) === plain && Date.now() < deadline) await page.waitForTimeout(100);
  const colours = {
    state: await tokenColor(page, texts.state),
    date: await tokenColor(page, texts.date),
    term: await tokenColor(page, texts.term),
  };
  return { plain, colours };
}

/**
 * Mocha hooks shared by the UI suites: a workbench opened before the suite, a screenshot and the
 * server log's last lines for every failed test, the browser closed after. Returns a getter.
 */
export function useWorkbench(server: Server = 'trusted', folder?: string): () => Workbench {
  let wb: Workbench | undefined;
  before(async function () {
    wb = await openWorkbench(server, folder);
    await wb.shot('workbench-ready');
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) {
      const file = await wb.shot(`FAILED-${this.currentTest.title.replace(/\W+/g, '-')}`).catch((e: Error) => `(no screenshot: ${e.message})`);
      console.error(`\n  Screenshot of the failure: ${file}\n  Last lines of the server log:\n${serverLogTail(30, server)}\n`);
    }
  });
  after(async function () {
    await wb?.close();
  });
  return () => {
    if (!wb) throw new Error('the workbench did not open');
    return wb;
  };
}

/**
 * Ctrl+. in the focused editor and a click on the code action whose title holds `title`, after a
 * screenshot named `shot`. A Ctrl+. can be lost (pressed while the find widget is still closing) or
 * come too early (the extension host has not registered the provider yet): until the menu lists the
 * action it is asked for again. Escape closes an open menu first; it is never pressed without one,
 * since in the editor it would also clear the selection the action is meant for.
 */
export async function codeAction(wb: Workbench, title: string, shot: string, timeoutMs = 30000): Promise<void> {
  const row = wb.page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
  // The menu, and its submenu panel, which is an .action-widget too.
  const openMenus = wb.page.locator('.action-widget:visible');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await wb.page.locator('.editor-instance .monaco-editor.focused').waitFor();
    await wb.page.keyboard.press('Control+.');
    if (await row.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false)) break;
    if ((await openMenus.count()) > 0) {
      await wb.page.keyboard.press('Escape');
      await openMenus.first().waitFor({ state: 'hidden' });
    }
    assert.ok(Date.now() < deadline, `Ctrl+. does not offer "${title}" after ${timeoutMs / 1000} s`);
  }
  await wb.shot(shot);
  // VS Code 1.100 lays an invisible pointer block over the workbench with the menu, until the
  // mouse moves: move it onto the row first.
  await row.hover({ force: true });
  await row.click();
  await row.waitFor({ state: 'hidden' });
}
