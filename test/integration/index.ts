// Entry point that VS Code loads as --extensionTestsPath: runs every compiled *.test.js next to it
// with mocha inside the extension host. Adding a test = adding a test/integration/<name>.test.ts
// (each is bundled on its own with esbuild; use the describe/it globals, do not import mocha).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/**
 * In VS Code for the Web (the code-server launcher) the workbench hands the extension host's console
 * output to the launcher mixed with its own log; this invisible mark tells the test output apart.
 */
const TEST_OUTPUT_MARK = '\u2063';

function markConsole(): () => void {
  const mark = (original: (...args: unknown[]) => void) =>
    (...args: unknown[]) => original(TEST_OUTPUT_MARK + (args.length ? String(args.shift()) : ''), ...args);
  // The extension host defines console's methods as accessors with a no-op setter: redefine them.
  const names = ['log', 'info', 'warn', 'error'] as const;
  const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(console, name)] as const);
  for (const name of names) {
    Object.defineProperty(console, name, { value: mark(console[name].bind(console)), configurable: true, writable: true, enumerable: true });
  }
  // Mocha's reporters print through the console.log they captured when mocha was loaded.
  const reporterLog = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = mark(reporterLog);
  return () => {
    for (const [name, descriptor] of saved) if (descriptor) Object.defineProperty(console, name, descriptor);
    Mocha.reporters.Base.consoleLog = reporterLog;
  };
}

function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return findTests(full);
    return e.name.endsWith('.test.js') ? [full] : [];
  }).sort();
}

export function run(): Promise<void> {
  // Stack traces point into the .ts sources (the bundles carry inline source maps).
  process.setSourceMapsEnabled(true);
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: true,
    timeout: Number(process.env.LEGAL_ANNOTATOR_MOCHA_TIMEOUT_MS || 60000),
    grep: process.env.LEGAL_ANNOTATOR_GREP || undefined,
  });
  for (const file of findTests(__dirname)) mocha.addFile(file);
  const restoreConsole = vscode.env.uiKind === vscode.UIKind.Web ? markConsole() : () => undefined;
  console.log(`Integration tests in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}), extension host on Node ${process.versions.node}`);
  return new Promise<void>((resolve, reject) => {
    mocha.loadFilesAsync().then(() => {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    }, reject);
  }).finally(restoreConsole);
}
