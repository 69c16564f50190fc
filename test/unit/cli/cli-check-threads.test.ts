/**
 * How many threads a large `check` uses: one per core other work leaves free, so that on a
 * saturated machine no worker adds its start-up to work no free core would run sooner.
 */
import assert from 'node:assert/strict';
import { threadCount } from '../../../src/cli/check/workers';

describe('check threads', () => {
  it('uses the cores the load average leaves free, at least one thread and at most 8', () => {
    assert.equal(threadCount(0, 2), 2);
    assert.equal(threadCount(0.6, 2), 2);
    assert.equal(threadCount(1, 2), 1);
    assert.equal(threadCount(1.4, 2), 1);
    assert.equal(threadCount(15, 2), 1);
    assert.equal(threadCount(3.5, 8), 5);
    assert.equal(threadCount(0, 16), 8);
    assert.equal(threadCount(0, 1), 1);
  });
});
