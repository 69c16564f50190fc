/**
 * The editor's background worker thread (src/extension/backgroundWorker.ts), started here in plain
 * Node on its TypeScript source: it answers jobs in order, drops a job cancelled before it
 * started, and answers a failing job with the error's name and message.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from '../../src/extension/backgroundMessages';

const WORKER = join(__dirname, '..', '..', 'src', 'extension', 'backgroundWorker.ts');
const CLAIM = 'Witnesses said the prisoners of war were tortured with electric shocks in the basement.\n';

/** Posts `messages` at once and collects the answers until `expected` of them came. */
async function answers(messages: ToWorker[], expected: number): Promise<FromWorker[]> {
  const worker = new Worker(WORKER, { execArgv: ['--require', 'tsx/cjs'] });
  try {
    return await new Promise<FromWorker[]>((resolve, reject) => {
      const got: FromWorker[] = [];
      worker.on('error', reject);
      worker.on('message', (message: FromWorker) => {
        got.push(message);
        // One more than expected would show within the time the next job takes.
        if (got.length === expected) setTimeout(() => resolve(got), 300);
      });
      for (const message of messages) worker.postMessage(message);
    });
  } finally {
    await worker.terminate();
  }
}

describe('background worker thread', function () {
  this.timeout(60_000);

  it('answers jobs in the order asked, with their values', async () => {
    const got = await answers([
      { id: 1, job: 'detectClaims', input: { text: CLAIM } },
      { id: 2, job: 'semanticTokens', input: { text: 'The report names prisoners of\nwar held there.\n', mode: 'gaps', lexiconExtensions: {}, dayFirstSlashes: true } },
    ], 2);
    assert.deepEqual(got.map((m) => m.id), [1, 2]);
    const [claims, tokens] = got.map((m) => ('value' in m ? m.value : m.error));
    assert.deepEqual((claims as { categories: { id: string }[] }[]).map((c) => c.categories[0].id), ['torture']);
    assert.ok(tokens instanceof Uint32Array && tokens.length === 10, 'two tokens of five numbers');
  });

  it('drops a job cancelled before it started, and runs the rest', async () => {
    const text = CLAIM.repeat(5_000);
    const got = await answers([
      { id: 1, job: 'detectClaims', input: { text } },
      { id: 2, job: 'detectClaims', input: { text } },
      { id: 2, cancel: true },
      { id: 3, job: 'detectClaims', input: { text: CLAIM } },
    ], 2);
    assert.deepEqual(got.map((m) => m.id), [1, 3]);
  });

  it('answers a failing job with the error, and goes on', async () => {
    const got = await answers([
      { id: 1, job: 'editSidecar', input: { fileText: 'version: 1\n', edits: [{ kind: 'source-hash', hash: 'sha256:0' }] } },
      { id: 2, job: 'detectClaims', input: { text: CLAIM } },
    ], 2);
    assert.equal(got[0].id, 1);
    assert.ok('error' in got[0], 'the edit of a sidecar with errors fails');
    assert.equal(got[0].error.name, 'SidecarEditError');
    assert.match(got[0].error.message, /has errors/);
    assert.ok('value' in got[1]);
  });
});
