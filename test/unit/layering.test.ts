/**
 * The core's layering is enforced by ESLint (eslint.config.mjs, CORE_LAYERS). These tests lint
 * probe files with the project's real configuration, so a rule that stops matching fails here.
 */
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = join(__dirname, '..', '..');

async function layeringErrors(probePath: string, importLine: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(`${importLine}\nexport const probe = 1;\n`, { filePath: join(ROOT, probePath) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('core layering (ESLint)', function () {
  this.timeout(60_000);

  it('gives every folder of src/core a layer, so no folder is left unrestricted', async () => {
    const { CORE_LAYERS } = (await import(join(ROOT, 'eslint.config.mjs'))) as { CORE_LAYERS: Record<string, string[]> };
    const folders = readdirSync(join(ROOT, 'src', 'core'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    assert.deepEqual(Object.keys(CORE_LAYERS).sort(), folders);
  });

  const forbidden: Array<[string, string]> = [
    ['src/core/sidecar/probe.ts', "import { checkSidecarFile } from '../validation/check-file';"],
    ['src/core/anchoring/probe.ts', "import type { Problem } from '../validation/sidecar-checks';"],
    ['src/core/sidecar/probe.ts', "import { anchorAll } from '../anchoring/anchoring';"],
    ['src/core/lexicon/probe.ts', "import { scan } from '../scanner/scan';"],
    ['src/core/text/probe.ts', "import { scan } from '../scanner/scan';"],
    ['src/core/claims/probe.ts', "import * as vscode from 'vscode';"],
    ['src/core/validation/probe.ts', "import { run } from '../../cli/run';"],
  ];
  for (const [file, line] of forbidden) {
    it(`refuses in ${file}: ${line}`, async () => {
      const errors = await layeringErrors(file, line);
      assert.equal(errors.length, 1, `expected one layering error, got ${JSON.stringify(errors)}`);
    });
  }

  it('allows an import from a lower layer', async () => {
    assert.deepEqual(await layeringErrors('src/core/anchoring/probe.ts', "import type { TextTarget } from '../sidecar/model';"), []);
    assert.deepEqual(await layeringErrors('src/core/validation/probe.ts', "import { anchorAll } from '../anchoring/anchoring';"), []);
  });
});
