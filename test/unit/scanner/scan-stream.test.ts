// The scanner hands entities out a stretch of text at a time: what it holds at once must not grow
// with the text, and a stretch boundary must never change what is found.
import assert from 'node:assert/strict';
import { EntityScanner, scan, scanEntities, SCAN_STRETCH } from '../../../src/core/scanner/scan';
import type { Entity } from '../../../src/core/scanner/types';

/** A text that is entities and nothing else: 2 per 22 characters. */
function allEntities(characters: number): string {
  return 'Ukraine, 12 May 2022. '.repeat(Math.ceil(characters / 22));
}

function drain(scanner: EntityScanner): { count: number; beforeDone: number } {
  let count = 0;
  let beforeDone = 0;
  while (!scanner.done) {
    const stretch = scanner.nextStretch();
    count += stretch.length;
    if (!scanner.done) beforeDone += stretch.length;
  }
  return { count, beforeDone };
}

describe('scanner: streaming', function () {
  it('holds about one stretch of entities at a time, at n and at 4n characters alike', function () {
    const small = new EntityScanner(allEntities(8 * SCAN_STRETCH));
    const large = new EntityScanner(allEntities(32 * SCAN_STRETCH));
    const smallRun = drain(small);
    const largeRun = drain(large);
    assert.ok(largeRun.count > 3.9 * smallRun.count, `${largeRun.count} vs ${smallRun.count}`);
    // Entities leave before the end of the text: the scanner is not holding them until then.
    assert.ok(largeRun.beforeDone > 0.9 * largeRun.count, `${largeRun.beforeDone} of ${largeRun.count} left before the end`);
    assert.ok(large.mostHeld <= small.mostHeld * 1.1, `held at most ${large.mostHeld} at 4n, ${small.mostHeld} at n`);
    assert.ok(large.mostHeld < largeRun.count / 16, `held at most ${large.mostHeld} of ${largeRun.count}`);
  });

  it('finds the same entities wherever a stretch boundary falls', function () {
    // A range, a weekday, a yearless range, nested terms and astral characters, placed across each boundary.
    const piece = 'On 3 March 2022 😀 Ukraine said on Saturday, as did 😀Poland😀, that from 1 to 15 October and from April 21 to August 12, 1949 the Third Geneva Convention 🇺🇦 applied. ';
    const options = { documentDate: '2022-03-05' };
    const alone = scan(piece, options);
    assert.ok(alone.length >= 8, JSON.stringify(alone));
    const shifted = (entities: readonly Entity[], by: number) => entities.map((entity) => ({ ...entity, start: entity.start + by, end: entity.end + by }));
    for (let offset = SCAN_STRETCH - piece.length; offset <= SCAN_STRETCH + 2; offset += 3) {
      // 'x 😀 ' is 6 UTF-16 units: the piece starts `offset + 1` units in, as the scanner counts.
      const pad = `${'x 😀 '.repeat(Math.floor(offset / 6))}${'x'.repeat(offset % 6)} `;
      const text = pad + piece;
      const found = scan(text, options);
      const codePoints = [...text];
      for (const entity of found) assert.equal(codePoints.slice(entity.start, entity.end).join(''), entity.text, `code points of ${entity.text}`);
      assert.deepEqual(found, shifted(alone, [...pad].length), `piece at UTF-16 offset ${pad.length}`);
    }
  });

  it('gives the entities one by one in the order scan lists them', function () {
    const text = allEntities(3 * SCAN_STRETCH);
    const iterator = scanEntities(text);
    const first = iterator.next();
    assert.deepEqual(first.value, scan(text.slice(0, 200))[0]);
    assert.deepEqual([first.value, ...iterator], scan(text));
  });
});
