import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CODES } from '../../../src/core/problems/problem-codes';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('problem code registry', () => {
  it('lists every code the sources report, with a severity and both descriptions', () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles('src/core'), ...sourceFiles('src/cli')]) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bcode: '([a-z0-9-]+)'/g)) used.add(match[1]);
      // The semantic checks pass codes through report('code', ...) and tables of codes.
      for (const match of text.matchAll(/\b(?:report\(|moved: |fuzzy: |orphaned: )'([a-z]+(?:-[a-z]+)+)'/g)) used.add(match[1]);
    }
    for (const code of ['unknown-category', 'orphaned-dismissal', 'taxonomy-not-found']) assert.ok(used.has(code), `the scan misses ${code}`);
    const missing = [...used].filter((code) => !PROBLEM_CODES.has(code));
    assert.deepEqual(missing, []);
    for (const info of PROBLEM_CODES.values()) {
      assert.match(info.code, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(['error', 'warning', 'info'].includes(info.severity));
      assert.ok(info.short.length > 0 && info.full.length > info.short.length, info.code);
    }
  });

  it('lists a schema- code for every Ajv keyword our schemas use', () => {
    const keywords = new Set<string>();
    for (const name of ['sidecar', 'config', 'taxonomy']) {
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          for (const [key, value] of Object.entries(node)) {
            if (['type', 'required', 'additionalProperties', 'pattern', 'format', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'const', 'enum', 'if', 'anyOf', 'oneOf'].includes(key)) keywords.add(key);
            if (key !== 'properties' && key !== 'definitions') walk(value);
            else Object.values(value as object).forEach(walk);
          }
        }
      };
      walk(JSON.parse(readFileSync(`schemas/${name}.schema.json`, 'utf8')));
    }
    for (const keyword of keywords) {
      const code = `schema-${keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      assert.ok(PROBLEM_CODES.has(code), code);
    }
  });
});
