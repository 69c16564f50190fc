/**
 * W3C Web Annotation conformance of our export: `npm run test:w3c -- <path to w3c-web-annotation-tests>`.
 *
 * Tags passages of a temporary copy of the sample workspace (core tagging function), exports
 * them with `legal-annotator export --format w3c` (a collection with file:/// IRIs, and JSON Lines
 * with --base; then, the report edited, a moved, a fuzzy and an orphaned one with their anchor
 * state), and validates every exported annotation against the W3C Web Annotation Working
 * Group's own assertions: all those `annotations/annotationMusts.test` lists, and the selector
 * assertions of `annotations/specificResource/` for the selectors we write (TextQuoteSelector
 * 4.2.4-*, TextPositionSelector 4.2.5-* and 4.2-*). Each assertion is a draft-04 JSON Schema
 * with an `expectedResult`; their `$ref`s point into `definitions/*.json`, all loaded into one
 * draft-04 Ajv first. The collection itself is checked against the collection definitions.
 * The suite is not part of the project (CI has it in ../shared/peers); the unit tests keep a
 * smaller check that needs nothing outside the repository (test/unit/interop/interop.test.ts).
 */
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { runCli } from '../src/cli/run';
import { REPORT, SAMPLE_TAGS, taggedSampleCopy } from '../test/support/tagged-samples';

interface Assertion {
  file: string;
  schema: { id?: string; title?: string; errorMessage?: string; expectedResult?: string; assertionType?: string; onUnexpectedResult?: string };
}

interface Exported {
  origin: string;
  value: unknown;
  /** Exported with no TextPositionSelector (a fuzzy or orphaned tag). */
  withoutPosition?: boolean;
}

/**
 * The TextQuoteSelector and TextPositionSelector assertions (the selectors we write); the
 * specificResource MUSTs are in annotationMusts.test already. Not 4.2-selectorFound: its
 * `selectorDetected` requires each selector object itself to hold a `selector` key, so no
 * annotation can pass it (a MAY whose onUnexpectedResult is passAndContinue).
 */
const SELECTOR_ASSERTIONS = /^annotations\/specificResource\/4\.2\.[45]-/;
/** Collection and page requirements of the model (section 5), from definitions/collections.json. */
const COLLECTION_DEFINITIONS = ['annotationCollectionTypeValueFound', 'labelFound', 'totalFound', 'firstFound', 'firstRequiredIfTotalMoreThanZero'];
const PAGE_DEFINITIONS = ['annotationPageTypeValueFound', 'startIndexFound', 'itemsFound'];

async function main(): Promise<number> {
  const suite = process.argv[2];
  if (!suite) {
    process.stderr.write('usage: npm run test:w3c -- <path to w3c-web-annotation-tests>\n');
    return 2;
  }
  const root = resolve(suite);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const name of (await fs.readdir(join(root, 'definitions'))).filter((n) => n.endsWith('.json')).sort()) {
    ajv.addSchema((await readJson(join(root, 'definitions', name))) as object);
  }
  const assertions = await loadAssertions(root);

  const workspace = await taggedSampleCopy();
  const cwd = process.cwd();
  let annotations: Exported[];
  let collection: Record<string, unknown>;
  try {
    process.chdir(workspace);
    collection = JSON.parse(await exportText(['export', '--format', 'w3c']));
    const jsonl = await exportText(['export', '--format', 'w3c', '--jsonl', '--base', 'https://example.org/corpus/']);
    const items = ((collection.first as { items: unknown[] }).items);
    annotations = [
      ...items.map((value, i) => ({ origin: `collection item ${i + 1}`, value })),
      ...jsonl.trimEnd().split('\n').map((line, i) => ({ origin: `JSONL (--base) line ${i + 1}`, value: JSON.parse(line) as unknown })),
      ...(await editedSourceExport()),
    ];
  } finally {
    process.chdir(cwd);
    await fs.rm(workspace, { recursive: true, force: true });
  }
  if (annotations.length !== SAMPLE_TAGS.length * 2 + 3) throw new Error(`expected ${SAMPLE_TAGS.length * 2 + 3} exported annotations, got ${annotations.length}`);

  // The validator must be able to fail: a broken copy of an annotation has to be rejected by
  // the @context and id assertions, or the run proves nothing (a $ref that resolved to nothing).
  const broken = { ...(annotations[0].value as Record<string, unknown>), id: 'not an IRI', '@context': 'https://example.org/other' };
  for (const file of ['annotations/3.1-annotationContextValidated.json', 'annotations/3.1-annotationIdValidated.json']) {
    const assertion = assertions.find((a) => a.file === file);
    if (!assertion || ajv.compile(assertion.schema)(broken)) throw new Error(`${file} accepted a broken annotation: the suite is not loaded right`);
  }

  let failures = 0;
  let checks = 0;
  for (const assertion of assertions) {
    const validate = ajv.compile(assertion.schema);
    const expected = assertion.schema.expectedResult !== 'invalid';
    for (const { origin, value, withoutPosition } of annotations) {
      checks++;
      if (validate(value) === expected) continue;
      // A fuzzy or orphaned tag has no TextPositionSelector on purpose; the harness counts a MAY left out as passed.
      if (withoutPosition && assertion.schema.onUnexpectedResult === 'passAndContinue') continue;
      failures++;
      process.stdout.write(`FAIL ${assertion.file} (${assertion.schema.assertionType}) on ${origin}: ${assertion.schema.errorMessage ?? assertion.schema.title}\n  ${ajv.errorsText(validate.errors)}\n`);
    }
  }
  const checksOfCollection: [string[], unknown, string][] = [
    [['contextValueFound'], collection['@context'], 'the collection\'s @context'],
    [COLLECTION_DEFINITIONS, collection, 'the collection'],
    [PAGE_DEFINITIONS, collection.first, 'its first page'],
  ];
  for (const [definitions, value, what] of checksOfCollection) {
    for (const name of definitions) {
      checks++;
      const validate = ajv.getSchema(`collections.json#/definitions/${name}`);
      if (!validate) throw new Error(`collections.json has no definition ${name}`);
      if (validate(value)) continue;
      failures++;
      process.stdout.write(`FAIL collections.json#/definitions/${name} on ${what}: ${ajv.errorsText(validate.errors)}\n`);
    }
  }
  const musts = assertions.filter((a) => a.schema.assertionType === 'must').length;
  process.stdout.write(`${annotations.length} exported annotations x ${assertions.length} W3C assertions (${musts} MUST, ${assertions.length - musts} selector SHOULD/MAY) + ${COLLECTION_DEFINITIONS.length + PAGE_DEFINITIONS.length + 1} collection checks: ${checks - failures} passed, ${failures} failed\n`);
  return failures === 0 ? 0 : 1;
}

/**
 * The tags that no longer anchor where they were stored, exported after an edit of the report:
 * a heading inserted (every tag moves), one quote changed (fuzzy), one deleted (orphaned). These
 * carry the anchor state in our own @context terms, so they are checked too.
 */
async function editedSourceExport(): Promise<Exported[]> {
  const text = await fs.readFile(REPORT, 'utf8');
  const edited = `Heading added above.\n\n${text.replace('have been tortured', 'have been tortored').replace('executed after capture', 'shot')}`;
  await fs.writeFile(REPORT, edited);
  let out = '';
  const code = await runCli(['export', '--format', 'w3c', '--jsonl', REPORT], { out: (t) => (out += t), err: () => undefined });
  if (code !== 1) throw new Error(`export of the edited report exited ${code}, expected 1 (its warnings)`);
  const values = out.trimEnd().split('\n').map((line) => JSON.parse(line) as { target: { anchorState?: string } });
  const pick = (state: string) => {
    const index = values.findIndex((v) => v.target.anchorState === state);
    if (index < 0) throw new Error(`the edited report exported no ${state} annotation`);
    return { origin: `edited report, JSONL line ${index + 1} (${state})`, value: values[index] as unknown, withoutPosition: state !== 'moved' };
  };
  return [pick('moved'), pick('fuzzy'), pick('orphaned')];
}

async function loadAssertions(root: string): Promise<Assertion[]> {
  const musts = (await readJson(join(root, 'annotations', 'annotationMusts.test'))) as { assertions: string[] };
  const selectorFiles = (await fs.readdir(join(root, 'annotations', 'specificResource')))
    .map((name) => `annotations/specificResource/${name}`)
    .filter((file) => SELECTOR_ASSERTIONS.test(file));
  const files = [...new Set([...musts.assertions, ...selectorFiles])];
  const assertions: Assertion[] = [];
  for (const file of files) assertions.push({ file, schema: (await readJson(join(root, file))) as Assertion['schema'] });
  return assertions;
}

async function exportText(argv: string[]): Promise<string> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  if (code !== 0) throw new Error(`legal-annotator ${argv.join(' ')} exited ${code}: ${err}`);
  return out;
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(path, 'utf8'));
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`test:w3c: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  },
);
