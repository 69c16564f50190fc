/**
 * `npm run fuzz`: the fuzz properties of issue 8 (test/unit/reliability.fuzz.test.ts), the
 * anchoring property (anchoring.property.test.ts) and tag's append as text against the Document
 * path (sidecar/append-text.test.ts) with FC_RUNS cases each, default 10,000
 * (`npm test` runs them with a few hundred). FC_SEED replays a counterexample.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');
const runs = process.env.FC_RUNS ?? '10000';
console.error(`[fuzz] ${runs} cases per property${process.env.FC_SEED ? `, seed ${process.env.FC_SEED}` : ''}`);
const result = spawnSync(
  process.execPath,
  [join(root, 'node_modules/mocha/bin/mocha.js'), '--no-config', '-r', 'tsx/cjs', '--extension', 'ts', '--timeout', '0', 'test/unit/reliability.fuzz.test.ts', 'test/unit/anchoring/anchoring.property.test.ts', 'test/unit/sidecar/append-text.test.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FC_RUNS: runs } },
);
process.exit(result.status ?? 2);
