/**
 * check in worker threads: each worker reads under the same bounds as the main thread (the
 * --max-file-size of the run), so a source refused in one thread is refused in every one.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { checkInWorkers } from '../../../src/cli/check/workers';
import { setUserFileLimitMb } from '../../../src/core/files/limits';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

const MAIN = join(__dirname, '../../../src/cli/main.ts');
const TSX = require.resolve('tsx/cjs');

describe('check in worker threads', () => {
  const workspace = useTemporaryWorkspace('la-check-workers-');
  afterEach(() => setUserFileLimitMb(undefined));

  it('reads under the run\'s --max-file-size in every thread', async function () {
    this.timeout(120_000);
    const sidecars: string[] = [];
    for (let i = 0; i < 4; i++) {
      await fs.writeFile(`r${i}.txt`, `The prisoners were tortured in cell ${i} of the basement.\n`);
      const tagged = await cli('tag', `r${i}.txt`, '--category', 'torture', '--quote', 'tortured');
      assert.equal(tagged.code, 0, tagged.err);
      sidecars.push(join(workspace.path, `r${i}.txt.ann.yaml`));
    }
    setUserFileLimitMb(20 / (1024 * 1024), '--max-file-size MB');
    const result = await checkInWorkers(MAIN, sidecars, [], 2, ['--require', TSX]);
    const refused = result.outcomes.map(({ report }) => report.problems.some((problem) => /^the source "r\d\.txt" is 55 bytes, over the 20 bytes limit for sources \(raise it with --max-file-size MB\); it is not read, so its offsets cannot be checked$/.test(problem.message)));
    assert.deepEqual(refused, [true, true, true, true], JSON.stringify(result.outcomes.map(({ report }) => report.problems.map((p) => p.message))));
  });
});
