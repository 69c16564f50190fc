/**
 * How `scan` prints a file's entities and claims, an entity at a time: a 200 MB source has
 * millions of entities, and neither they nor their JSON are ever held whole. The JSON is byte for
 * byte what JSON.stringify(results, null, 2) would print for the whole list of files.
 */
import type { Entity } from '../../core/scanner/types';
import { LineIndex } from '../../core/text/positions';
import { visibleControls } from '../../core/text/visible';
import type { Paint, Style } from '../colour';
import type { OutputChunks } from '../output-chunks';
import type { ScanClaim } from './scan';

/** Indentation of the items of a file's lists in the JSON document (a list of files, each an object). */
const ITEM_INDENT = '      ';

/** Opens the `index`th file's object and its list of entities, and prints the entities. */
export async function printJsonEntities(sink: OutputChunks, file: string, index: number, entities: Iterable<Entity>): Promise<void> {
  sink.add(`${index > 0 ? ',' : '['}\n  {\n    "file": ${JSON.stringify(file)},\n    "entities": `);
  await printJsonList(sink, entities);
}

/** Prints the file's claims and closes its object. */
export async function printJsonClaims(sink: OutputChunks, claims: Iterable<ScanClaim>): Promise<void> {
  sink.add(',\n    "claims": ');
  await printJsonList(sink, claims);
  sink.add('\n  }');
}

/** Closes the list of files (an empty list when no file was printed). */
export function printJsonEnd(sink: OutputChunks, printed: number): void {
  sink.add(printed === 0 ? '[]\n' : '\n]\n');
}

/**
 * Characters of JSON one JSON.stringify call should print. A string below V8's large-object size
 * (128 KB) is born in the young generation, which collects it cheaply; a larger one goes to the
 * old, which only a full collection frees: claims in batches of 256 (360 KB of JSON each) took
 * three times the CPU of batches of 64. One call over many items is still several times faster
 * than one per item, so the batch grows or shrinks towards this size.
 */
const BATCH_CHARACTERS = 32 * 1024;
const MAX_BATCH_ITEMS = 256;
/** A batch nested as deep as a file's list is in the document, so JSON.stringify indents its items as they stand there. */
const NESTED_HEAD = '[\n  {\n    "items": [';
const NESTED_TAIL = '\n    ]\n  }\n]';

async function printJsonList(sink: OutputChunks, items: Iterable<unknown>): Promise<void> {
  let printed = 0;
  let batch: unknown[] = [];
  let batchItems = 64;
  const printBatch = async (): Promise<void> => {
    const json = JSON.stringify([{ items: batch }], null, 2);
    // Each item of the batch, as `\n      {...}` joined by commas.
    const body = json.slice(NESTED_HEAD.length, json.length - NESTED_TAIL.length);
    sink.add(printed === 0 ? '[' : ',');
    const due = sink.add(body);
    printed += batch.length;
    batch = [];
    if (body.length > 2 * BATCH_CHARACTERS && batchItems > 1) batchItems >>= 1;
    else if (body.length < BATCH_CHARACTERS / 2 && batchItems < MAX_BATCH_ITEMS) batchItems <<= 1;
    if (due) await sink.flush();
  };
  for (const item of items) {
    batch.push(item);
    if (batch.length < batchItems) continue;
    await printBatch();
    if (sink.closed) return;
  }
  if (batch.length > 0) await printBatch();
  sink.add(printed === 0 ? '[]' : `\n${ITEM_INDENT.slice(2)}]`);
}

/** The colour of each kind of line in text output, on a terminal. */
const KIND_STYLE: Record<Entity['kind'] | 'claim', Style> = { state: 'green', date: 'magenta', term: 'cyan', claim: 'yellow' };

/** Text output of one file: one line per entity, then one per claim, each `file:line:column: ...`. */
export class TextPrinter {
  private readonly lines: LineIndex;
  /** The path as printed: control characters in a file name escaped, so it cannot forge a line. */
  private readonly file: string;

  constructor(file: string, text: string, private readonly sink: OutputChunks, private readonly paint: Paint) {
    this.lines = new LineIndex(text);
    this.file = visibleControls(file);
  }

  async entities(entities: Iterable<Entity>): Promise<void> {
    for (const entity of entities) {
      const line = `${this.where(entity.start)}: ${this.paint(KIND_STYLE[entity.kind], entity.kind)} ${oneLine(entity.text)} -> ${describe(entity)}\n`;
      if (this.sink.add(line)) {
        await this.sink.flush();
        if (this.sink.closed) return;
      }
    }
  }

  async claims(claims: Iterable<ScanClaim>): Promise<void> {
    for (const claim of claims) {
      if (this.sink.add(`${this.where(claim.start)}: ${describeClaim(claim, this.paint)}\n`)) {
        await this.sink.flush();
        if (this.sink.closed) return;
      }
    }
  }

  private where(start: number): string {
    const position = this.lines.codePointPositionAt(start);
    return `${this.file}:${position.line + 1}:${position.character + 1}`;
  }
}

function describeClaim(claim: ScanClaim, paint: Paint): string {
  const state = claim.tagged ? 'tagged' : claim.dismissed ? 'dismissed' : 'untagged';
  const why = claim.reason ? `, ${claim.reason}` : '';
  return `${paint(KIND_STYLE.claim, 'claim')} [${claim.confidence}${why}] ${claim.categories.join(', ')} (${state}): ${oneLine(claim.text)}`;
}

/** A passage of the source in one line: white space as one space, other control characters escaped. */
function oneLine(text: string): string {
  return visibleControls(text.replace(/\s+/gu, ' '));
}

function describe(entity: Entity): string {
  switch (entity.kind) {
    case 'state':
      return `${entity.code} ${entity.name}${entity.subKind === 'demonym' ? ' (demonym)' : ''}`;
    case 'date':
      return `${entity.value} (${entity.precision})${entity.range ? ` range ${entity.range.value}` : ''}`;
    case 'term':
      return `${entity.id} (${entity.subKind})`;
  }
}
