import assert from 'node:assert/strict';
import { newAnnotation } from '../../../src/core/annotations/new-annotation';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/model';
import { addAnnotation, newSidecarDocument, parseSidecar, sidecarFileText } from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { bratAnnotationConf, bratNames, bratStem, bratVisualConf, exportBratSource, parseBratAnn } from '../../../src/core/interop/brat';
import { CSV_COLUMNS, exportCsv } from '../../../src/core/interop/csv';
import { resolveSource, type ExportSource } from '../../../src/core/interop/export-input';
import { annotationIri, nameUuid, normalizeBase, pathFromSourceIri, sourceIri } from '../../../src/core/interop/iri';
import type { ImportedAnnotation } from '../../../src/core/interop/imported';
import { mergeImported } from '../../../src/core/interop/merge-import';
import { ANCHOR_CONTEXT, exportW3cCollection, exportW3cJsonl, parseW3c, type W3cAnnotation } from '../../../src/core/interop/w3c';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';
import { findQuote } from '../../../src/core/annotations/tagging';
import { manyAnnotations } from '../../../scripts/generate-hostile';
import { describeGrowth, MAX_GROWTH_RATIO, measureGrowth } from '../../hostile/growth';

/** Astral characters before the passages, a CRLF, a passage across a line break. */
const TEXT = 'Report 🇺🇦 of 2025.\r\nThe prisoners were tortured and beaten,\nthen executed.\r\nNo "access", for the ICRC.\n';
const NOW = new Date('2025-11-01T10:00:00.000Z');

function tagged(text = TEXT): { sidecar: Sidecar; annotations: Annotation[] } {
  const at = (quote: string) => findQuote(text, quote)[0];
  const specs: [string, string, Partial<Annotation>][] = [
    ['tortured', 'torture', { note: 'Witness A, "direct"; GC III 17', author: 'A. Reviewer' }],
    ['beaten,\nthen executed', 'wilful-killing', { status: 'confirmed' }],
    ['No "access", for the ICRC', 'denial-of-icrc-access', { note: 'two\nlines' }],
    ['🇺🇦', 'other', {}],
  ];
  let doc = newSidecarDocument('r.txt', sourceHash(text));
  const annotations: Annotation[] = [];
  for (const [quote, category, extra] of specs) {
    const { start, end } = at(quote);
    const annotation = { ...newAnnotation({ text, start, end, category, now: NOW, existingIds: new Set(annotations.map((a) => a.id)) }), ...extra };
    annotations.push(annotation);
    doc = addAnnotation(doc, annotation);
  }
  return { sidecar: doc.sidecar!, annotations };
}

function source(sidecar: Sidecar, text = TEXT): ExportSource {
  return { path: 'reports/r.txt', iri: sourceIri('/work/ws/reports/r.txt', 'reports/r.txt'), text, sidecar };
}

/** What a round trip must keep. */
function essentials(annotations: readonly Annotation[]) {
  return annotations.map((a) => ({ category: a.category, start: a.target.start, end: a.target.end, exact: a.target.exact, note: a.note, status: a.status }));
}

describe('interop: IRIs', () => {
  it('builds file: IRIs and base IRIs, never a bare relative path', () => {
    assert.equal(sourceIri('/work/ws/reports/a b.txt', 'reports/a b.txt'), 'file:///work/ws/reports/a%20b.txt');
    const base = normalizeBase('https://example.org/corpus');
    assert.equal(base, 'https://example.org/corpus/');
    assert.equal(sourceIri('/x', 'reports/a b.txt', base), 'https://example.org/corpus/reports/a%20b.txt');
    assert.equal(annotationIri('reports/r.txt', 'a-1', base), 'https://example.org/corpus/reports/r.txt.ann.yaml#a-1');
    assert.match(annotationIri('reports/r.txt', 'a-1'), /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(annotationIri('reports/r.txt', 'a-1'), annotationIri('reports/r.txt', 'a-1'), 'stable');
    assert.notEqual(nameUuid('a'), nameUuid('b'));
    assert.equal(annotationIri('reports/r.txt', 'a-2'), `urn:uuid:${nameUuid('reports/r.txt#a-2')}`);
    assert.notEqual(annotationIri('reports/s.txt', 'a-2'), annotationIri('reports/r.txt', 'a-2'));
    assert.throws(() => normalizeBase('corpus/'), /not an absolute IRI/);
    assert.deepEqual(pathFromSourceIri('https://example.org/corpus/reports/a%20b.txt', base), { relative: 'reports/a b.txt' });
    assert.equal(pathFromSourceIri('https://example.org/corpus/../etc/passwd', base), undefined);
    assert.deepEqual(pathFromSourceIri('file:///work/ws/r.txt'), { absolute: '/work/ws/r.txt' });
  });
});

describe('interop: W3C Web Annotation export', () => {
  const { sidecar } = tagged();
  const resolved = [resolveSource(source(sidecar))];

  it('writes an AnnotationCollection whose annotations sit in first.items, each complete', () => {
    const { text, count, warnings } = exportW3cCollection(resolved, DEFAULT_TAXONOMY, { now: NOW });
    assert.equal(count, 4);
    assert.deepEqual(warnings, []);
    const collection = JSON.parse(text);
    assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(collection.type, 'AnnotationCollection');
    assert.match(collection.id, /^urn:uuid:/);
    assert.equal(collection.total, 4);
    assert.equal(collection.items, undefined, 'items belong to the embedded page');
    assert.equal(collection.first.type, 'AnnotationPage');
    assert.equal(collection.first.items.length, 4);
    for (const annotation of collection.first.items as W3cAnnotation[]) {
      assert.equal(annotation['@context'], 'http://www.w3.org/ns/anno.jsonld');
      assert.equal(annotation.type, 'Annotation');
      assert.match(annotation.id, /^urn:uuid:/);
      assert.match(annotation.target.source, /^file:\/\/\//);
      assert.ok(!Number.isNaN(Date.parse(annotation.created!)) && annotation.modified === annotation.created);
      const types = annotation.target.selector.map((s) => s.type);
      assert.deepEqual(types, ['TextQuoteSelector', 'TextPositionSelector']);
      assert.equal(annotation.body[0].purpose, 'classifying');
    }
    const [first] = collection.first.items as W3cAnnotation[];
    assert.deepEqual(first.body, [
      { type: 'TextualBody', purpose: 'classifying', value: 'torture', label: 'Torture' },
      { type: 'TextualBody', purpose: 'commenting', value: 'Witness A, "direct"; GC III 17', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'assessing', value: 'proposed' },
    ]);
    assert.deepEqual(first.creator, { type: 'Person', name: 'A. Reviewer' });
    // Code points: the flag before it is two code points (four UTF-16 units).
    const position = first.target.selector[1];
    assert.equal(position.start, [...TEXT.slice(0, TEXT.indexOf('tortured'))].length);
    assert.equal(position.start, TEXT.indexOf('tortured') - 2);
    assert.equal(position.end! - position.start!, 'tortured'.length);
  });

  it('with --base, uses base IRIs for sources and annotations', () => {
    const base = normalizeBase('https://example.org/corpus/');
    const withBase = [resolveSource({ ...source(sidecar), iri: sourceIri('/x', 'reports/r.txt', base) })];
    const lines = exportW3cJsonl(withBase, DEFAULT_TAXONOMY, { base, now: NOW }).text.trimEnd().split('\n').map((l) => JSON.parse(l) as W3cAnnotation);
    assert.equal(lines.length, 4);
    assert.equal(lines[0].target.source, 'https://example.org/corpus/reports/r.txt');
    assert.equal(lines[0].id, `https://example.org/corpus/reports/r.txt.ann.yaml#${sidecar.annotations[0].id}`);
  });

  it('exports a moved tag where it is now, and an orphan with its quote only, reporting both', () => {
    const edited = `Inserted line.\n${TEXT.replace('🇺🇦', 'UA')}`;
    const result = resolveSource(source(sidecar, edited));
    const { text, warnings } = exportW3cJsonl([result], DEFAULT_TAXONOMY, { now: NOW });
    const items = text.trimEnd().split('\n').map((l) => JSON.parse(l) as W3cAnnotation);
    assert.equal(items[0].target.selector[1].start, sidecar.annotations[0].target.start + 15);
    const orphan = items[3];
    assert.deepEqual(orphan.target.selector.map((s) => s.type), ['TextQuoteSelector']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0].message, /orphaned.*TextQuoteSelector/);
  });
});

describe('interop: round trips', () => {
  const { sidecar, annotations } = tagged();
  const resolved = resolveSource(source(sidecar));

  it('sidecar -> W3C collection -> sidecar keeps category, range, quote, note and status', () => {
    const { text } = exportW3cCollection([resolved], DEFAULT_TAXONOMY, { now: NOW });
    const parsed = parseW3c(text, 'export.jsonld');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.annotations[0].sourceIri, 'file:///work/ws/reports/r.txt');
    const merged = mergeImported({ text: TEXT, sourceName: 'r.txt', taxonomy: DEFAULT_TAXONOMY, imported: parsed.annotations, now: NOW });
    assert.deepEqual(merged.problems, []);
    assert.equal(merged.added, 4);
    assert.deepEqual(essentials(merged.doc.sidecar!.annotations), essentials(annotations));
    assert.deepEqual(merged.doc.sidecar!.annotations.map((a) => a.author), annotations.map((a) => a.author));
    assert.deepEqual(merged.doc.sidecar!.annotations.map((a) => a.created), annotations.map((a) => a.created));
    // The result is a valid sidecar.
    assert.ok(parseSidecar(sidecarFileText(merged.doc)).writable);
  });

  it('sidecar -> W3C JSONL (with a base) -> sidecar keeps the ids too', () => {
    const base = normalizeBase('https://example.org/corpus/');
    const { text } = exportW3cJsonl([resolved], DEFAULT_TAXONOMY, { base, now: NOW });
    const parsed = parseW3c(text, 'export.jsonl');
    const merged = mergeImported({ text: TEXT, sourceName: 'r.txt', taxonomy: DEFAULT_TAXONOMY, imported: parsed.annotations });
    assert.deepEqual(merged.doc.sidecar!.annotations.map((a) => a.id), annotations.map((a) => a.id));
    assert.deepEqual(essentials(merged.doc.sidecar!.annotations), essentials(annotations));
  });

  it('re-importing an export into its own sidecar changes nothing; an edited note updates the entry', () => {
    const doc = parseSidecar(sidecarFileText(addAll(annotations)));
    const { text } = exportW3cJsonl([resolved], DEFAULT_TAXONOMY, { now: NOW });
    const exportedIri = (id: string) => annotationIri('reports/r.txt', id);
    const again = mergeImported({ text: TEXT, sourceName: 'r.txt', sidecar: doc, taxonomy: DEFAULT_TAXONOMY, imported: parseW3c(text, 'x').annotations, exportedIri });
    assert.deepEqual([again.added, again.updated, again.unchanged], [0, 0, 4]);
    assert.equal(again.doc.text, doc.text);
    const edited = text.replace('Witness A, \\"direct\\"; GC III 17', 'Witness B');
    const changed = mergeImported({ text: TEXT, sourceName: 'r.txt', sidecar: doc, taxonomy: DEFAULT_TAXONOMY, imported: parseW3c(edited, 'x').annotations, exportedIri });
    assert.deepEqual([changed.added, changed.updated, changed.unchanged], [0, 1, 3]);
    assert.equal(changed.doc.sidecar!.annotations[0].note, 'Witness B');
    assert.equal(changed.doc.sidecar!.annotations[0].id, annotations[0].id);
  });

  it('sidecar -> brat -> sidecar keeps category, range, quote and status, and the note (line breaks become spaces)', () => {
    const { ann, count, warnings } = exportBratSource(resolved);
    assert.equal(count, 4);
    assert.deepEqual(warnings, []);
    const lines = ann.trimEnd().split('\n');
    const tortured = [...TEXT.slice(0, TEXT.indexOf('tortured'))].length;
    assert.equal(lines[0], `T1\ttorture ${tortured} ${tortured + 8}\ttortured`);
    assert.equal(lines[1], '#1\tAnnotatorNotes T1\tWitness A, "direct"; GC III 17');
    assert.equal(lines[2], 'A1\tStatus T1 proposed');
    assert.match(lines[3], /^T2\twilful-killing \d+ \d+;\d+ \d+\tbeaten, then executed$/);
    assert.ok(lines.includes('#2\tAnnotatorNotes T3\ttwo lines'));
    const parsed = parseBratAnn(ann, TEXT, 'r.ann');
    assert.deepEqual(parsed.problems, []);
    const merged = mergeImported({ text: TEXT, sourceName: 'r.txt', taxonomy: DEFAULT_TAXONOMY, imported: parsed.annotations });
    assert.deepEqual(merged.problems, []);
    const expected = essentials(annotations).map((a) => ({ ...a, note: a.note?.replace(/\n/g, ' ') }));
    assert.deepEqual(essentials(merged.doc.sidecar!.annotations), expected);
  });

  describe('export -> import -> import gives the sidecar back byte for byte', () => {
    // The tags of tagged(), a second copy of the first (same category, same range: a sidecar may
    // hold one, check warns of it) and a comment: nothing the export carries or leaves out may change the file.
    const copy = { ...annotations[0], id: 'a-copy', note: 'another\tnote\non two lines', status: 'disputed' as const };
    const original = sidecarFileText(addAll([...annotations, copy])).replace('annotations:', '# kept as it is\nannotations:');
    const doc = parseSidecar(original);
    const withCopy = resolveSource(source(doc.sidecar!));
    const exportedIri = (id: string) => annotationIri('reports/r.txt', id);

    function importTwice(imported: readonly ImportedAnnotation[], iris?: (id: string) => string): string[] {
      const texts: string[] = [];
      let current = doc;
      for (let round = 0; round < 2; round++) {
        const merged = mergeImported({ text: TEXT, sourceName: 'r.txt', sidecar: current, taxonomy: DEFAULT_TAXONOMY, imported, exportedIri: iris, now: NOW });
        assert.deepEqual([merged.added, merged.updated, merged.unchanged], [0, 0, 5], `round ${round + 1}`);
        current = parseSidecar(sidecarFileText(merged.doc));
        texts.push(sidecarFileText(current));
      }
      return texts;
    }

    it('brat (no ids; notes lose line breaks and tabs; the copy is matched once)', () => {
      const { ann } = exportBratSource(withCopy);
      assert.equal(importTwice(parseBratAnn(ann, TEXT, 'r.ann').annotations).every((text) => text === original), true);
    });

    it('W3C JSON-LD collection and JSON Lines', () => {
      const collection = exportW3cCollection([withCopy], DEFAULT_TAXONOMY, { now: NOW }).text;
      const jsonl = exportW3cJsonl([withCopy], DEFAULT_TAXONOMY, { now: NOW }).text;
      for (const text of [collection, jsonl]) {
        assert.deepEqual(importTwice(parseW3c(text, 'export').annotations, exportedIri), [original, original]);
      }
    });

    it('brat into a sidecar holding the same tag twice adds no third copy', () => {
      const twice = parseSidecar(sidecarFileText(addAll([annotations[0], { ...annotations[0], id: 'a-twin' }])));
      const { ann } = exportBratSource(resolveSource(source(twice.sidecar!)));
      const merged = mergeImported({ text: TEXT, sourceName: 'r.txt', sidecar: twice, taxonomy: DEFAULT_TAXONOMY, imported: parseBratAnn(ann, TEXT, 'r.ann').annotations });
      assert.deepEqual([merged.added, merged.updated, merged.unchanged], [0, 0, 2]);
      assert.equal(merged.doc.text, twice.text);
    });
  });

  it('re-anchors brat offsets against the real source and reports unknown types and lost passages', () => {
    const ann = [
      'T1\ttorture 0 8\ttortured',
      'T2\tbeheading 0 3\tThe',
      'T3\ttorture 13 37\tvanished without a trace',
      'R1\tCause Arg1:T1 Arg2:T3',
      'A1\tNegated T1',
    ].join('\n');
    const parsed = parseBratAnn(ann, 'tortured and vanished without a trace', 'x.ann');
    assert.deepEqual(parsed.problems.map((p) => p.message), [
      'its text "The" differs from the .txt at 0 3 ("tor"); the .txt was used',
      'attribute Negated on T1 has no place in a sidecar (only Status=proposed|confirmed|disputed); ignored',
      '1 relation line ignored (a sidecar holds text annotations only)',
    ]);
    const merged = mergeImported({ text: TEXT, sourceName: 'r.txt', taxonomy: DEFAULT_TAXONOMY, imported: parsed.annotations });
    assert.equal(merged.added, 1);
    const tortured = [...TEXT.slice(0, TEXT.indexOf('tortured'))].length;
    assert.equal(merged.doc.sidecar!.annotations[0].target.start, tortured, 'moved onto the real text');
    // The .txt around "tortured" is not the source's: the same words in other context are a warning, not a silent move.
    assert.deepEqual(merged.problems.map((p) => [p.origin, p.severity]), [['x.ann:1 T1', 'warning'], ['x.ann:2 T2', 'error'], ['x.ann:3 T3', 'error']]);
    assert.match(merged.problems[1].message, /unknown category "beheading"/);
    assert.match(merged.problems[2].message, /not found in r\.txt/);
  });

  it('names brat files after the source and generates the configuration from the taxonomy', () => {
    assert.equal(bratStem('reports/r.legal.txt'), 'reports/r.legal');
    assert.equal(bratStem('notes.md'), 'notes.md');
    assert.deepEqual(bratNames(['x', 'x.txt', 'y.txt', 'x.txt']).map((n) => n.name), ['x', 'x~2', 'y', 'x~3'], 'sources sharing a brat name get distinct ones');
    assert.deepEqual(bratNames(['x', 'x.txt'])[1], { name: 'x~2', wanted: 'x' });
    const conf = bratAnnotationConf(DEFAULT_TAXONOMY);
    assert.match(conf, /\[entities\]\nwilful-killing\ntorture\n/);
    assert.match(conf, /Status\tArg:<ENTITY>, Value:proposed\|confirmed\|disputed/);
    assert.match(bratVisualConf(DEFAULT_TAXONOMY), /torture \| Torture\n/);
  });
});

describe('interop: import of many annotations', () => {
  it('grows linearly with the number imported (n against 4n, CPU time): one read of the sidecar, not one per annotation', async function () {
    this.timeout(300_000);
    const growth = await measureGrowth((size) => {
      const { source, sidecar } = manyAnnotations(size);
      const doc = parseSidecar(sidecar);
      // An export of the sidecar (updates: every note changed), and as many new annotations (additions).
      const exported = exportBratSource(resolveSource({ path: 'many.txt', iri: 'file:///many.txt', text: source, sidecar: { ...doc.sidecar!, annotations: doc.sidecar!.annotations.map((a) => ({ ...a, note: 'checked' })) } }));
      const imported = parseBratAnn(exported.ann, source, 'many.ann').annotations;
      const added = imported.map((a) => ({ ...a, category: 'other' }));
      return () => mergeImported({ text: source, sourceName: 'many.txt', sidecar: doc, taxonomy: DEFAULT_TAXONOMY, imported: [...imported, ...added], now: NOW });
    }, 100);
    assert.ok(growth.ratio < MAX_GROWTH_RATIO, describeGrowth('import of 2n annotations (n updated, n added) into a sidecar of n', growth));
  });
});

describe('interop: CSV export', () => {
  const { sidecar } = tagged();

  it('writes RFC 4180 rows with the columns in order, CRLF line ends, and a BOM on request', () => {
    const { text, count } = exportCsv([resolveSource(source(sidecar))], DEFAULT_TAXONOMY, { bom: true });
    assert.equal(count, 4);
    assert.ok(text.startsWith('\uFEFFfile,id,category,label,legal_basis,quote,start,end,line,note,author,status,created,anchor,current_text,incident,elements\r\n'));
    assert.equal(CSV_COLUMNS.length, 17);
    assert.ok(text.endsWith('\r\n'));
    const id = sidecar.annotations[0].id;
    const tortured = [...TEXT.slice(0, TEXT.indexOf('tortured'))].length;
    assert.ok(text.includes(`reports/r.txt,${id},torture,Torture,GC III 17; GC III 87; GC III 130; GC IV 32; GC IV 147; CAT 1; RS 7(1)(f); RS 8(2)(a)(ii),tortured,${tortured},${tortured + 8},2,"Witness A, ""direct""; GC III 17",A. Reviewer,proposed,2025-11-01T10:00:00.000Z,anchored,tortured,,\r\n`), text);
    assert.ok(text.includes('"beaten,\nthen executed"'));
    assert.ok(text.includes(',"No ""access"", for the ICRC",'));
    assert.ok(!exportCsv([resolveSource(source(sidecar))], DEFAULT_TAXONOMY).text.startsWith('\uFEFF'));
  });
});

describe('interop: a quote is evidence (exports of tags that no longer anchor where they were tagged)', () => {
  const { sidecar } = tagged();
  // A line inserted above (everything moves), "tortured" edited to "tortored" (fuzzy), the flag replaced (orphaned).
  const edited = `Inserted line.\n${TEXT.replace('🇺🇦', 'UA').replace('tortured', 'tortored')}`;
  const resolved = [resolveSource(source(sidecar, edited))];
  const [fuzzy, moved, , orphan] = sidecar.annotations;
  const at = (quote: string) => [...edited.slice(0, edited.indexOf(quote))].length;

  it('resolves each tag with its stored quote, its anchor state and where it sits now', () => {
    const [a, b, , c] = resolved[0].annotations;
    assert.deepEqual(resolved[0].annotations.map((r) => r.anchor.status), ['fuzzy', 'moved', 'moved', 'orphaned']);
    assert.deepEqual(a.target, fuzzy.target, 'a fuzzy tag keeps its stored target');
    assert.deepEqual(a.current, { start: at('tortored'), end: at('tortored') + 8, text: 'tortored' });
    assert.equal(b.target.exact, moved.target.exact);
    assert.equal(b.current?.start, at('beaten'));
    assert.equal(c.current, undefined);
  });

  it('CSV: the stored quote, then anchor and current_text after the older columns (the incident columns, empty here, last)', () => {
    const rows = exportCsv(resolved, DEFAULT_TAXONOMY).text.split('\r\n');
    const row = (id: string) => rows.find((r) => r.startsWith(`reports/r.txt,${id},`))!;
    assert.ok(row(fuzzy.id).includes(`,tortured,${at('tortored')},${at('tortored') + 8},3,`), row(fuzzy.id));
    assert.ok(row(fuzzy.id).endsWith(',fuzzy,tortored,,'), row(fuzzy.id));
    assert.ok(row(moved.id).endsWith(',moved,"beaten,\nthen executed",,'), row(moved.id));
    assert.ok(row(orphan.id).includes(',🇺🇦,,,,'), row(orphan.id));
    assert.ok(row(orphan.id).endsWith(',orphaned,,,'), row(orphan.id));
    assert.doesNotMatch(rows.join('\n'), /tortored,\d/, 'the current text is never in the quote column');
  });

  it('W3C: the stored TextQuoteSelector; a position only where the quote is; the state in our own @context terms', () => {
    const { text, warnings } = exportW3cJsonl(resolved, DEFAULT_TAXONOMY, { now: NOW });
    const [a, b, c, d] = text.trimEnd().split('\n').map((l) => JSON.parse(l) as W3cAnnotation);
    assert.deepEqual(a.target.selector, [{ type: 'TextQuoteSelector', exact: 'tortured', prefix: fuzzy.target.prefix, suffix: fuzzy.target.suffix }]);
    assert.equal(a.target.anchorState, 'fuzzy');
    assert.equal(a.target.currentText, 'tortored');
    assert.deepEqual(a['@context'], ['http://www.w3.org/ns/anno.jsonld', ANCHOR_CONTEXT]);
    assert.deepEqual(b.target.selector.map((s) => s.type), ['TextQuoteSelector', 'TextPositionSelector']);
    assert.deepEqual([b.target.anchorState, b.target.currentText], ['moved', undefined]);
    assert.deepEqual(d.target.selector.map((s) => s.exact ?? s.type), ['🇺🇦']);
    assert.equal(d.target.anchorState, 'orphaned');
    // Extension terms are absolute IRIs with no web host; an anchored tag needs none of them.
    for (const iri of Object.values(ANCHOR_CONTEXT)) assert.match(iri, /^urn:uuid:[0-9a-f-]{36}#\w+$/);
    const anchored = JSON.parse(exportW3cJsonl([resolveSource(source(sidecar))], DEFAULT_TAXONOMY, { now: NOW }).text.split('\n')[0]) as W3cAnnotation;
    assert.equal(anchored['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(anchored.target.anchorState, undefined);
    assert.equal(c.target.anchorState, 'moved');
    assert.match(warnings.find((w) => w.id === fuzzy.id)!.message, /score 0\.\d\d\) at \d+-\d+: "tortured" → now "tortored"; exported with its stored quote/);
    // Reading it back takes the stored quote, not the current text.
    assert.equal(parseW3c(text, 'x.jsonl').annotations[0].exact, 'tortured');
  });

  it('brat: a fuzzy tag where it now sits, with an AnnotatorNotes line keeping its stored quote; the importer warns, adds no note', () => {
    const { ann, warnings } = exportBratSource(resolved[0]);
    const lines = ann.trimEnd().split('\n');
    assert.ok(lines.includes(`T1\ttorture ${at('tortored')} ${at('tortored') + 8}\ttortored`), ann);
    assert.ok(lines.includes(`#2\tAnnotatorNotes T1\tLegal Annotator anchor: fuzzy; stored quote at ${fuzzy.target.start}-${fuzzy.target.end}: "tortured"`), ann);
    assert.ok(lines.some((l) => /^#\d+\tAnnotatorNotes T2\tLegal Annotator anchor: moved; stored quote at \d+-\d+: "beaten, then executed"$/.test(l)), ann);
    assert.doesNotMatch(ann, /\tother /, 'an orphan has no place in brat');
    assert.match(warnings.find((w) => w.id === orphan.id)!.message, /left out of the brat file/);
    const read = parseBratAnn(ann, edited, 'r.ann');
    assert.equal(read.annotations[0].note, fuzzy.note, 'the anchor line is not taken for a note');
    assert.ok(read.problems.some((p) => p.origin === 'r.ann:3' && /^fuzzy; stored quote at \d+-\d+: "tortured" \(at export\); imported over the text at the offsets of T1$/.test(p.message)), JSON.stringify(read.problems));
  });
});

function addAll(annotations: Annotation[]) {
  let doc = newSidecarDocument('r.txt', sourceHash(TEXT));
  for (const a of annotations) doc = addAnnotation(doc, a);
  return doc;
}
