/**
 * Writes the hostile-input corpus (issue 8) into a folder and returns the cases: which files
 * each case made and which CLI commands to run on them, with what each may modify.
 *
 *   npx tsx scripts/generate-hostile.ts OUT_DIR [--source-mb N]
 *
 * Small, readable inputs are committed in test/fixtures/hostile/ and copied; large ones (a 50 MB
 * one-line source, 100,000 annotations, a 1 MB quote, deep nesting) and byte-exact ones (line
 * endings, invalid UTF-8, UTF-16, NUL) are generated here, so git never rewrites or stores them.
 *
 * Layout of OUT_DIR: `workspace/` holds the cases (each in its own folder, commands run there),
 * `outside/` holds files the workspace must never reach or modify.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tagPassage } from '../src/core/annotations/tagging';
import { sourceHash } from '../src/core/sidecar/source-hash';
import { DEFAULT_TAXONOMY } from '../src/core/taxonomy/taxonomy';
import { CONTEXT_LENGTH, sourceNameFor } from '../src/core/sidecar/model';

export const FIXTURES = resolve(__dirname, '../test/fixtures/hostile');

/** One CLI invocation of a case: argv relative to the case's folder. */
export interface HostileRun {
  argv: string[];
  /** Exit codes that count as handled (0 ok, 1 problems/refused, 2 could not run). */
  exits: number[];
  /** Files (relative to the case folder) this command was asked to modify; every other file must keep its bytes. */
  modifies?: string[];
  /** Text the output must contain when the command reports a problem or refuses (exit 1 or 2): the file's name, and a position where there is one. */
  mentions?: RegExp;
  /** Text the output (standard output and error) must hold, whatever the exit: an escape, a neutralised cell. */
  shows?: RegExp;
  /** Text the output must never hold: a raw control character, a forged line. */
  hides?: RegExp;
  /** A file the run writes (relative to the case folder) and what it must not hold raw. */
  writesNo?: { file: string; pattern: RegExp };
  /** Set when the run is known to break the bound or a rule: why (listed in docs/reliability.md; run only by `npm run reliability`). */
  knownLimit?: string;
}

export interface HostileCase {
  name: string;
  /** What is hostile about it, for docs/reliability.md. */
  what: string;
  /** The case's folder, relative to the corpus's `workspace/`. */
  folder: string;
  runs: HostileRun[];
}

export interface CorpusOptions {
  /** Size of the one-line source (the issue asks for 50 MB). */
  sourceMegabytes?: number;
  /** Annotations in the big sidecar (the issue asks for 100,000). */
  annotationCount?: number;
}

/** About 1,000 characters with six entities and one claim: the rate of a dense report. */
export const REPORT_PARAGRAPH =
  'On 24 February 2022 the Russian Federation launched a full-scale invasion of Ukraine. ' +
  'The mission found that prisoners of war were tortured and denied access to the International Committee of the Red Cross. ' +
  'The interviews were conducted over several weeks with people who had been held in different places and who described, ' +
  'often at length and with care for detail, the routines of the places where they were held, the food they were given, ' +
  'the hours at which they were woken, the questions they were asked and the people who asked them. The mission compared ' +
  'these accounts with each other and with the material that was available to it from open sources, and it notes where ' +
  'the accounts differ and why it considers some of them more reliable than others. It also explains the limits of what ' +
  'it could establish, given that it was not able to visit the places concerned and that some of those it spoke to asked ' +
  'that their names and some of the circumstances of their detention be withheld for their own protection and for that of others. ';

const TEXT_CATEGORY = 'torture';

export function writeHostileCorpus(root: string, options: CorpusOptions = {}): HostileCase[] {
  const workspace = join(root, 'workspace');
  const outside = join(root, 'outside');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(outside, { recursive: true });
  cpSync(FIXTURES, workspace, { recursive: true, filter: (path) => !path.endsWith('README.md') });
  writeFileSync(join(outside, 'secret.txt'), 'A file outside the workspace. Russia tortured no one here.\n');
  writeFileSync(join(outside, 'taxonomy.yaml'), 'mode: replace\ncategories:\n  - id: planted\n    label: Planted from outside the workspace\n');
  writeFileSync(join(outside, 'secret.txt.ann.yaml'), validSidecarText('secret.txt', 'A file outside the workspace. Russia tortured no one here.\n', 'Russia tortured'));
  const cases: HostileCase[] = [];
  const add = (hostile: HostileCase, files: Record<string, string | Uint8Array>) => {
    const folder = join(workspace, hostile.folder);
    mkdirSync(folder, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
    cases.push(hostile);
  };
  const named = (name: string, position = false) => new RegExp(`${escape(name)}${position ? ':\\d+:\\d+' : ''}`);

  // --- Sources -------------------------------------------------------------------------
  const sourceRuns = (file: string, quote: string | undefined, text: boolean): HostileRun[] => [
    { argv: ['scan', file, '--format', 'json'], exits: text ? [0] : [1], mentions: text ? undefined : named(file) },
    { argv: ['scan', file, '--format', 'text'], exits: text ? [0] : [1], mentions: text ? undefined : named(file) },
    quote === undefined
      ? { argv: ['tag', file, '--category', TEXT_CATEGORY, '--start', '0', '--end', '1'], exits: [1], mentions: named(file) }
      : { argv: ['tag', file, '--category', TEXT_CATEGORY, '--quote', quote], exits: [0], modifies: [`${file}.ann.yaml`] },
    { argv: ['check', '.'], exits: text && quote !== undefined ? [0] : [0, 1] },
    // Export re-anchors every tag in the source it reads: the tag above, or none.
    { argv: ['export', '--format', 'csv', '.'], exits: text && quote !== undefined ? [0] : [0, 1] },
  ];
  const megabytes = options.sourceMegabytes ?? 50;
  const line = REPORT_PARAGRAPH.repeat(Math.ceil((megabytes * 1e6) / REPORT_PARAGRAPH.length)).slice(0, megabytes * 1e6 - 40);
  const hugeRuns = sourceRuns('huge.txt', 'unique-end-marker', true);
  // 50 MB: scan --format json 5.2 s, text 5.6 s at a load average of 1.3 (2 cores); at 5 or more
  // from other work both took 11 to 14 s. Most of it is the claim review of ~50,000 sentences.
  add({ name: `${megabytes} MB source on one line`, what: `a ${megabytes} MB source with no line break (six entities and a claim per 1,000 characters)`, folder: 'huge-line', runs: hugeRuns }, { 'huge.txt': `${line} unique-end-marker tortured.` });
  add({ name: 'empty source', what: 'a source of 0 bytes', folder: 'empty-source', runs: [
    { argv: ['scan', 'empty.txt'], exits: [0] },
    { argv: ['tag', 'empty.txt', '--category', TEXT_CATEGORY, '--start', '0', '--end', '0'], exits: [1], mentions: named('empty.txt') },
    { argv: ['check', 'empty.txt'], exits: [0], mentions: named('empty.txt') },
  ] }, { 'empty.txt': '' });
  const binary = new Uint8Array(4096).map((_, i) => (i * 2654435761) % 251);
  add({ name: 'binary file', what: 'bytes of every value, NULs included', folder: 'binary', runs: sourceRuns('blob.txt', undefined, false) }, { 'blob.txt': binary });
  add({ name: 'invalid UTF-8', what: 'a lone continuation byte and a truncated sequence in text', folder: 'invalid-utf8', runs: sourceRuns('latin1.txt', undefined, false) }, {
    'latin1.txt': Buffer.concat([Buffer.from('Russia tortured prisoners in '), Buffer.from([0xe9, 0x80, 0x41]), Buffer.from(' Ukraine.\n'), Buffer.from([0xf0, 0x9f])]),
  });
  add({ name: 'UTF-16 with a BOM', what: 'UTF-16LE text with its byte order mark', folder: 'utf16', runs: sourceRuns('utf16.txt', undefined, false) }, {
    'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Russia tortured prisoners in Ukraine.\n', 'utf16le')]),
  });
  add({ name: 'NUL bytes', what: 'UTF-8 text with NUL bytes in the middle', folder: 'nul', runs: sourceRuns('nul.txt', undefined, false) }, { 'nul.txt': 'Russia\0tortured\0prisoners in Ukraine.\n' });
  for (const [name, eol] of [['CRLF', '\r\n'], ['CR-only', '\r'], ['mixed', undefined]] as const) {
    const lines = ['Report on Ukraine', 'On 3 March 2022 prisoners were tortured in Olenivka.', 'The Russian Federation denied access to the ICRC.', ''];
    const text = eol ? lines.join(eol) : `${lines[0]}\r\n${lines[1]}\r${lines[2]}\n`;
    const file = `${name.toLowerCase()}.txt`;
    add({ name: `${name} line endings`, what: `line endings ${JSON.stringify(eol ?? '\r\n, \r and \n')}`, folder: `eol-${name.toLowerCase()}`, runs: sourceRuns(file, 'prisoners were tortured', true) }, { [file]: text });
  }
  const unicode = [
    'Astral: 𝐑𝐮𝐬𝐬𝐢𝐚 🇺🇦 😀 tortured 𠜎𠜱 prisoners.',
    'Combining: Türkiye (T + u + U+0308) and Zürich; ZWJ: 👩‍⚕️ 👨‍👩‍👧 medic.',
    'Right to left: ‏تعذيب الأسرى‏ in Ukraine, עינויים, and an override ‮detaeb‬ here.',
    'Zero width: Rus\u200Bsia, U\u200Dkraine, soft\u00ADhyphen, BOM-in-text \uFEFF end.',
    '',
  ].join('\n');
  add({ name: 'astral, combining, ZWJ and RTL text', what: 'surrogate pairs, combining marks, zero-width joiners, bidi marks and overrides', folder: 'unicode', runs: sourceRuns('unicode.txt', '😀 tortured 𠜎', true) }, { 'unicode.txt': unicode });

  // --- Sidecars --------------------------------------------------------------------------
  const base = 'Prisoners of war were tortured at Olenivka in 2022.\nThe ICRC was denied access.\n';
  const valid = validSidecarText('source.txt', base, 'tortured at Olenivka');
  const sidecarRuns = (sidecar: string, position: boolean, exits = [1]): HostileRun[] => [
    { argv: ['check', sidecar], exits, mentions: named(sidecar, position) },
    { argv: ['check', sidecar, '--format', 'sarif'], exits },
    { argv: ['check', sidecar, '--fix-anchors'], exits, mentions: named(sidecar, position) },
    // Export skips a sidecar it cannot read and says which (to stderr), or names the source of a
    // tag it found only approximately; the JSON-LD goes to stdout.
    { argv: ['export', '--format', 'w3c', sidecar], exits, mentions: named(sourceNameFor(sidecar) ?? sidecar) },
    // A sidecar with errors must never be written: tag refuses and leaves its bytes alone.
    { argv: ['tag', 'source.txt', '--category', TEXT_CATEGORY, '--quote', 'denied access'], exits: exits.includes(0) ? [0, 1] : [1], mentions: named('source.txt'), modifies: exits.includes(0) ? ['source.txt.ann.yaml'] : [] },
  ];
  const breakPoints = [...new Set(Array.from({ length: 24 }, (_, i) => Math.floor((valid.length * (i + 1)) / 25)))];
  breakPoints.forEach((at, index) => {
    const mutations = [
      valid.slice(0, at), // truncated
      `${valid.slice(0, at)}: [\n${valid.slice(at)}`, // an unclosed flow sequence
      `${valid.slice(0, at)}\t"${valid.slice(at)}`, // a tab and an unclosed quote
    ];
    const text = mutations[index % mutations.length];
    add({ name: `malformed YAML #${index + 1}`, what: `the valid sidecar ${['truncated', 'with ": [" inserted', 'with a tab and an unclosed quote inserted'][index % 3]} at character ${at}`, folder: `malformed-${index + 1}`, runs: sidecarRuns('source.txt.ann.yaml', true, [0, 1]) }, { 'source.txt': base, 'source.txt.ann.yaml': text });
  });
  add({ name: 'deeply nested flow sequence', what: '100,000 nested "[" in the sidecar', folder: 'deep-flow', runs: sidecarRuns('source.txt.ann.yaml', true) }, { 'source.txt': base, 'source.txt.ann.yaml': `${valid}x-deep: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n` });
  add({ name: 'deeply nested block mappings', what: '5,000 nested block mappings under an x- key', folder: 'deep-block', runs: sidecarRuns('source.txt.ann.yaml', true, [0, 1]) }, {
    'source.txt': base,
    'source.txt.ann.yaml': `${valid}x-deep:\n${Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} end\n`,
  });
  for (const [key, wrong] of wrongTypes()) {
    add({ name: `wrong type: ${key}`, what: `"${key}" given ${wrong.what}`, folder: `wrong-type-${key.replace(/[^a-z]+/gi, '-')}`, runs: sidecarRuns('source.txt.ann.yaml', true) }, { 'source.txt': base, 'source.txt.ann.yaml': replaceValue(valid, key, wrong.yaml) });
  }
  add({ name: 'empty sidecar', what: 'a sidecar of 0 bytes', folder: 'empty-sidecar', runs: sidecarRuns('source.txt.ann.yaml', true) }, { 'source.txt': base, 'source.txt.ann.yaml': '' });
  add({ name: 'sidecar for a missing source', what: 'the source file does not exist', folder: 'missing-source', runs: [{ argv: ['check', 'gone.txt.ann.yaml'], exits: [1], mentions: named('gone.txt.ann.yaml', true) }] }, { 'gone.txt.ann.yaml': validSidecarText('gone.txt', base, 'tortured at Olenivka') });
  const outsideSidecar = validSidecarText('secret.txt', 'A file outside the workspace. Russia tortured no one here.\n', 'Russia tortured');
  add({ name: 'source "../../outside"', what: 'a sidecar whose source climbs out of the workspace', folder: 'outside-relative', runs: [
    { argv: ['check', 'secret.txt.ann.yaml', '--fix-anchors'], exits: [1], mentions: /secret\.txt\.ann\.yaml:\d+:\d+.*source-outside-folder/ },
    { argv: ['export', '--format', 'csv', 'secret.txt.ann.yaml'], exits: [1], mentions: /secret\.txt\.ann\.yaml/ },
  ] }, { 'secret.txt.ann.yaml': outsideSidecar.replace('source: secret.txt', 'source: ../../outside/secret.txt') });
  add({ name: 'absolute source', what: 'a sidecar whose source is an absolute path outside the workspace', folder: 'outside-absolute', runs: [{ argv: ['check', 'secret.txt.ann.yaml', '--fix-anchors'], exits: [1], mentions: /secret\.txt\.ann\.yaml:\d+:\d+.*source-outside-folder/ }] }, { 'secret.txt.ann.yaml': outsideSidecar.replace('source: secret.txt', `source: ${JSON.stringify(join(outside, 'secret.txt'))}`) });
  add({ name: 'sidecar symlinked out of the workspace', what: 'the sidecar is a symbolic link to a sidecar outside the workspace', folder: 'symlinked-sidecar', runs: [
    { argv: ['check', '.', '--fix-anchors'], exits: [0, 1] },
    { argv: ['tag', 'secret.txt', '--category', TEXT_CATEGORY, '--quote', 'no one'], exits: [1], mentions: /secret\.txt\.ann\.yaml.*symbolic link/ },
    { argv: ['export', '--format', 'csv', '.'], exits: [0, 1] },
  ] }, { 'secret.txt': 'A file outside the workspace. Russia tortured no one here.\n' });
  symlinkSync(join(outside, 'secret.txt.ann.yaml'), join(workspace, 'symlinked-sidecar', 'secret.txt.ann.yaml'));
  add({ name: 'source symlinked out of the workspace', what: 'the source named by a sidecar is a symbolic link out of the folder', folder: 'symlinked-source', runs: [
    { argv: ['check', '.', '--fix-anchors'], exits: [1], mentions: /secret\.txt\.ann\.yaml:\d+:\d+.*source-outside-folder/ },
    { argv: ['export', '--format', 'csv', '.'], exits: [1], mentions: /secret\.txt\.ann\.yaml.*outside/ },
  ] }, { 'secret.txt.ann.yaml': outsideSidecar });
  symlinkSync(join(outside, 'secret.txt'), join(workspace, 'symlinked-source', 'secret.txt'));

  // --- Special files, links and names (a cloned repository can hold any of them) ---------
  add({ name: 'FIFO as a source and as a sidecar', what: 'named pipes where a source and a sidecar are expected: a read would wait for a writer for ever', folder: 'fifo', runs: [
    { argv: ['scan', 'pipe.txt', '--format', 'json'], exits: [1], mentions: /pipe\.txt: .*named pipe/ },
    { argv: ['tag', 'pipe.txt', '--category', TEXT_CATEGORY, '--quote', 'x'], exits: [2], mentions: /pipe\.txt: .*named pipe/ },
    { argv: ['check', '.', '--claims'], exits: [0, 1] },
    { argv: ['check', 'source.txt.ann.yaml'], exits: [1], mentions: /source\.txt\.ann\.yaml:1:1.*named pipe/ },
    { argv: ['export', '--format', 'csv', '.'], exits: [1], mentions: /source\.txt\.ann\.yaml/ },
  ] }, { 'source.txt': base });
  execFileSync('mkfifo', [join(workspace, 'fifo', 'pipe.txt'), join(workspace, 'fifo', 'source.txt.ann.yaml')]);
  add({ name: 'link to /dev/zero as a source', what: 'zero.txt -> /dev/zero, matched by the sources globs: a read would never end', folder: 'dev-zero', runs: [
    { argv: ['scan', '.', '--format', 'json'], exits: [1], mentions: /zero\.txt: .*device/ },
    { argv: ['check', '.', '--claims'], exits: [0, 1] },
    { argv: ['tag', 'zero.txt', '--category', TEXT_CATEGORY, '--quote', 'x'], exits: [2], mentions: /zero\.txt: .*device/ },
  ] }, { 'report.txt': base });
  symlinkSync('/dev/zero', join(workspace, 'dev-zero', 'zero.txt'));
  add({ name: 'links to / and back up the tree', what: 'root -> / and d/up -> ..: a walk that followed them would read the file system, or go round for ever', folder: 'folder-links', runs: [
    { argv: ['check', '.'], exits: [0] },
    { argv: ['check', '.', '--fix-anchors'], exits: [0] },
    { argv: ['scan', '.', '--format', 'json'], exits: [0] },
  ] }, { 'report.txt': base, 'report.txt.ann.yaml': validSidecarText('report.txt', base, 'tortured at Olenivka') });
  mkdirSync(join(workspace, 'folder-links', 'd'));
  symlinkSync('/', join(workspace, 'folder-links', 'root'));
  symlinkSync('..', join(workspace, 'folder-links', 'd', 'up'));
  add({ name: 'names with a newline', what: 'a folder and a source whose names hold a line break', folder: 'newline-names', runs: [
    { argv: ['check', '.'], exits: [0] },
    { argv: ['tag', 'b\nc.txt', '--category', TEXT_CATEGORY, '--quote', 'tortured at Olenivka'], exits: [0], modifies: ['b\nc.txt.ann.yaml'] },
    { argv: ['check', '.'], exits: [0] },
  ] }, { 'b\nc.txt': base });
  mkdirSync(join(workspace, 'newline-names', 'new\nline'));
  writeFileSync(join(workspace, 'newline-names', 'new\nline', 'a.txt'), base);
  writeFileSync(join(workspace, 'newline-names', 'new\nline', 'a.txt.ann.yaml'), validSidecarText('a.txt', base, 'tortured at Olenivka'));
  const aliased = validSidecarText('source.txt', base, 'tortured at Olenivka').replace(/\n {4}target:\n/, '\n    target: &t\n') + '';
  add({ name: 'YAML alias in a sidecar', what: 'an anchor and an alias tying one target to another entry', folder: 'yaml-alias', runs: [
    { argv: ['check', 'source.txt.ann.yaml'], exits: [1], mentions: /source\.txt\.ann\.yaml:\d+:\d+.*yaml-alias/ },
    { argv: ['check', 'source.txt.ann.yaml', '--fix-anchors'], exits: [1], mentions: /source\.txt\.ann\.yaml:\d+:\d+.*yaml-alias/ },
    { argv: ['tag', 'source.txt', '--category', TEXT_CATEGORY, '--quote', 'Olenivka'], exits: [1], mentions: /source\.txt\.ann\.yaml:\d+:\d+/ },
  ] }, { 'source.txt': base, 'source.txt.ann.yaml': aliased.replace(/dismissed: \[\]\n?$/, '') + '  - id: a-copy\n    category: other\n    target: *t\ndismissed: []\n' });
  add({ name: 'outputs over inputs', what: 'export and report asked to write over a sidecar, a source and the config', folder: 'outputs-over-inputs', runs: [
    { argv: ['report', '.', '--format', 'md', '--out', 'report.txt.ann.yaml'], exits: [2], mentions: /report\.txt\.ann\.yaml is a sidecar/ },
    { argv: ['export', '.', '--format', 'csv', '--out', 'report.txt'], exits: [2], mentions: /report\.txt is a source/ },
    { argv: ['export', '.', '--format', 'brat', '--out', '.'], exits: [2], mentions: /is a source|not what an earlier export wrote/ },
    { argv: ['export', '.', '--format', 'csv', '--out', '../../outside/x.csv'], exits: [2], mentions: /outside the workspace/ },
  ] }, { 'report.txt': base, 'report.txt.ann.yaml': validSidecarText('report.txt', base, 'tortured at Olenivka'), 'report.txt.txt': 'not a copy\n' });

  addIssueThirteenCases(workspace, outside, add, base, megabytes);

  const count = options.annotationCount ?? 100_000;
  const many = manyAnnotations(count);
  add({ name: `${count.toLocaleString('en')} annotations`, what: `one sidecar with ${count.toLocaleString('en')} annotations over a ${Math.round(many.source.length / 1000)} KB source`, folder: 'many-annotations', runs: [
    { argv: ['check', 'many.txt.ann.yaml'], exits: [0] },
    // tag appends as text on the fast path (parseSidecar and addAnnotation, src/core/sidecar/sidecar-io.ts): 50 s with the `yaml` Document API, under 2 s now.
    { argv: ['tag', 'many.txt', '--category', TEXT_CATEGORY, '--quote', 'the last line'], exits: [0], modifies: ['many.txt.ann.yaml'] },
    { argv: ['check', 'many.txt.ann.yaml', '--format', 'json'], exits: [0] },
    { argv: ['export', '--format', 'csv', 'many.txt.ann.yaml'], exits: [0] },
    { argv: ['export', '--format', 'w3c', '--jsonl', 'many.txt.ann.yaml'], exits: [0] },
  ] }, { 'many.txt': many.source, 'many.txt.ann.yaml': many.sidecar });
  const bigQuote = 'tortured '.repeat(Math.ceil(1e6 / 9)).slice(0, 1e6);
  const quoteSource = `Before. ${bigQuote} After.\n`;
  add({ name: '1 MB quote', what: 'an annotation whose exact quote is 1,000,000 characters', folder: 'big-quote', runs: [
    { argv: ['check', 'quote.txt.ann.yaml'], exits: [0] },
    { argv: ['tag', 'quote.txt', '--category', 'ill-treatment', '--start', '8', '--end', String(8 + bigQuote.length)], exits: [0], modifies: ['quote.txt.ann.yaml'] },
    { argv: ['check', 'quote.txt.ann.yaml'], exits: [0] },
    { argv: ['export', '--format', 'w3c', 'quote.txt.ann.yaml'], exits: [0] },
  ] }, { 'quote.txt': quoteSource, 'quote.txt.ann.yaml': validSidecarText('quote.txt', quoteSource, bigQuote) });
  const badBytes = Buffer.concat([Buffer.from(valid.slice(0, 40)), Buffer.from([0xc3, 0x28]), Buffer.from(valid.slice(40))]);
  add({ name: 'sidecar not UTF-8', what: 'an invalid UTF-8 sequence inside the sidecar', folder: 'sidecar-bad-utf8', runs: sidecarRuns('source.txt.ann.yaml', true) }, { 'source.txt': base, 'source.txt.ann.yaml': badBytes });

  // Committed fixtures: alias bomb, duplicate keys, a hostile config (see test/fixtures/hostile/README.md).
  cases.push(
    { name: 'YAML alias bomb', what: 'a "billion laughs" sidecar: 9 levels of 9 aliases, 387 million nodes expanded', folder: 'alias-bomb', runs: sidecarRuns('source.txt.ann.yaml', true) },
    { name: 'duplicate keys', what: 'keys repeated at the top level and inside an annotation', folder: 'duplicate-keys', runs: sidecarRuns('source.txt.ann.yaml', true) },
    { name: 'hostile config', what: '.legal-annotator.yaml with a catastrophic glob, an extglob, a taxonomy outside the workspace and aliases in the glossary', folder: 'hostile-config', runs: [
      { argv: ['check', '.'], exits: [1], mentions: /\.legal-annotator\.yaml:\d+:\d+.*sources-glob-unsafe/ },
      { argv: ['tag', 'report.txt', '--category', TEXT_CATEGORY, '--quote', 'tortured'], exits: [0], modifies: ['report.txt.ann.yaml'] },
    ] },
  );
  writeFileSync(join(workspace, 'alias-bomb', 'source.txt'), base);
  writeFileSync(join(workspace, 'duplicate-keys', 'source.txt'), base);
  return cases;
}

/** ESC or BEL as printed raw: a terminal would run the escape sequence or ring. */
// eslint-disable-next-line no-control-regex
const RAW_ESCAPE_OR_BELL = /[\u001b\u0007]/;

type AddCase = (hostile: HostileCase, files: Record<string, string | Uint8Array>) => void;

/**
 * Special files as the config and the taxonomy, imports and exports aimed out of the workspace or
 * at each other, content that must be escaped on the way out, and foreign files that must be
 * reported by line: each a case a cloned repository or a foreign file can bring.
 */
function addIssueThirteenCases(workspace: string, outside: string, add: AddCase, base: string, megabytes: number): void {
  const named = (name: string, position = false) => new RegExp(`${escape(name)}${position ? ':\\d+:\\d+' : ''}`);
  const tagged = (source: string) => validSidecarText(source, base, 'tortured at Olenivka');
  const fifoRuns: HostileRun[] = [
    // check fails on the config; the others say they use the defaults (a warning) and go on.
    { argv: ['check', '.'], exits: [1] },
    { argv: ['check', '.', '--fix-anchors'], exits: [1] },
    { argv: ['check', '.', '--claims'], exits: [1] },
    { argv: ['scan', 'report.txt'], exits: [0] },
    { argv: ['tag', 'report.txt', '--category', TEXT_CATEGORY, '--quote', 'denied access'], exits: [0], modifies: ['report.txt.ann.yaml'] },
    { argv: ['export', '--format', 'csv', '.'], exits: [0, 1] },
    { argv: ['report', '.', '--format', 'md'], exits: [0, 1] },
  ];
  add({ name: 'FIFO as the config', what: '.legal-annotator.yaml is a named pipe: a read would wait for a writer for ever', folder: 'fifo-config', runs: fifoRuns.map((run) => (run.argv[0] === 'scan' ? run : { ...run, shows: /\.legal-annotator\.yaml.*named pipe/ })) }, { 'report.txt': base, 'report.txt.ann.yaml': tagged('report.txt') });
  execFileSync('mkfifo', [join(workspace, 'fifo-config', '.legal-annotator.yaml')]);
  add({ name: 'FIFO as the taxonomy', what: 'the config names a taxonomy file that is a named pipe', folder: 'fifo-taxonomy', runs: fifoRuns.map((run) => (run.argv[0] === 'scan' ? run : { ...run, shows: /taxonomy\.yaml.*named pipe/ })) }, {
    '.legal-annotator.yaml': 'version: 1\ntaxonomy: taxonomy.yaml\n', 'report.txt': base, 'report.txt.ann.yaml': tagged('report.txt'),
  });
  execFileSync('mkfifo', [join(workspace, 'fifo-taxonomy', 'taxonomy.yaml')]);

  // A folder linked out of the workspace, holding a sidecar that --fix-anchors would rewrite.
  mkdirSync(join(outside, 'linked-folder'), { recursive: true });
  const moved = `Preface added later.\n${base}`;
  writeFileSync(join(outside, 'linked-folder', 'report.txt'), moved);
  writeFileSync(join(outside, 'linked-folder', 'report.txt.ann.yaml'), tagged('report.txt'));
  add({ name: 'folder linked out of the workspace', what: 'linked -> a folder outside holding a sidecar that needs re-anchoring', folder: 'folder-link-out', runs: [
    { argv: ['check', '.', '--fix-anchors'], exits: [0, 1] },
    {
      argv: ['check', 'linked/report.txt.ann.yaml', '--fix-anchors'], exits: [1], mentions: /linked\/report\.txt\.ann\.yaml.*fix-outside-workspace.*outside the workspace/,
    },
  ] }, { 'report.txt': base });
  symlinkSync(join(outside, 'linked-folder'), join(workspace, 'folder-link-out', 'linked'));

  const w3c = (target: string, position: Record<string, unknown>, quote?: string) => JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld', id: `urn:hostile:${Object.values(position).join('-')}`, type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'classifying', value: TEXT_CATEGORY }],
    target: { source: target, selector: [{ type: 'TextPositionSelector', ...position }, ...(quote ? [{ type: 'TextQuoteSelector', exact: quote }] : [])] },
  });
  const inside = (folder: string) => `file://${join(workspace, folder, 'report.txt')}`;
  add({ name: 'W3C targets outside the workspace', what: 'an import whose targets are file:///dev/zero and a file outside the workspace', folder: 'w3c-outside', runs: [
    { argv: ['import', '--format', 'w3c', 'zero.jsonl'], exits: [1], mentions: /\/dev\/zero.*outside the workspace/ },
    { argv: ['import', '--format', 'w3c', 'secret.jsonl'], exits: [1], mentions: /secret\.txt.*outside the workspace/ },
  ] }, {
    'zero.jsonl': `${w3c('file:///dev/zero', { start: 0, end: 4 }, 'zero')}\n`,
    'secret.jsonl': `${w3c(`file://${join(outside, 'secret.txt')}`, { start: 30, end: 36 }, 'Russia')}\n`,
  });
  add({ name: 'W3C offsets that are no passage', what: 'TextPositionSelectors negative, fractional, reversed, empty, as strings and beyond the text (JSON Lines)', folder: 'w3c-offsets', runs: [
    { argv: ['import', '--format', 'w3c', 'tags.jsonl'], exits: [1], mentions: /tags\.jsonl:2 .*no passage/, shows: /tags\.jsonl:6 .*beyond the end/, modifies: ['report.txt.ann.yaml'] },
  ] }, {
    'report.txt': base,
    'tags.jsonl': [
      w3c(inside('w3c-offsets'), { start: 22, end: 42 }, 'tortured at Olenivka'),
      w3c(inside('w3c-offsets'), { start: -3, end: 8 }, 'Prisoners'),
      w3c(inside('w3c-offsets'), { start: 0.5, end: 8 }),
      w3c(inside('w3c-offsets'), { start: 30, end: 22 }, 'tortured'),
      w3c(inside('w3c-offsets'), { start: '22', end: '30' }, 'tortured'),
      w3c(inside('w3c-offsets'), { start: 400, end: 408 }, 'tortured'),
      '',
    ].join('\n'),
  });
  add({ name: 'brat spans and ids', what: 'a discontinuous span with text between, an id defined twice, a malformed line, offsets outside the text', folder: 'brat-hostile', runs: [
    { argv: ['import', '--format', 'brat', 'brat', '--sources', '.'], exits: [1], mentions: /report\.ann:1.*(discontinuous|between)/, shows: /report\.ann:3 T2: error: T2 is defined again[\s\S]*report\.ann:4: error: a malformed[\s\S]*report\.ann:5 T4: error: offsets 500 510 are outside/, modifies: ['report.txt.ann.yaml'] },
  ] }, { 'report.txt': base });
  mkdirSync(join(workspace, 'brat-hostile', 'brat'));
  writeFileSync(join(workspace, 'brat-hostile', 'brat', 'report.txt'), base);
  writeFileSync(join(workspace, 'brat-hostile', 'brat', 'report.ann'), ['T1\ttorture 0 9;22 30\tPrisoners tortured', 'T2\ttorture 22 30\ttortured', 'T2\ttorture 34 42\tOlenivka', 'T3 torture 0 9 Prisoners', 'T4\ttorture 500 510\tbeyond', ''].join('\n'));
  add({ name: 'brat import through a linked folder', what: 'brat/linked -> a folder outside the workspace, with a .ann beside its text', folder: 'brat-linked', runs: [
    { argv: ['import', '--format', 'brat', 'brat', '--sources', '.'], exits: [0, 1] },
  ] }, { 'report.txt': base });
  mkdirSync(join(outside, 'brat-linked'), { recursive: true });
  writeFileSync(join(outside, 'brat-linked', 'secret.txt'), 'A file outside the workspace. Russia tortured no one here.\n');
  writeFileSync(join(outside, 'brat-linked', 'secret.ann'), 'T1\ttorture 37 45\ttortured\n');
  mkdirSync(join(workspace, 'brat-linked', 'brat'));
  symlinkSync(join(outside, 'brat-linked'), join(workspace, 'brat-linked', 'brat', 'linked'));

  add({ name: 'brat export name collision', what: 'sources x and x.txt, whose brat copies would both be x.txt', folder: 'brat-collision', runs: [
    { argv: ['export', '--format', 'brat', '--out', 'out', '.'], exits: [0, 1], shows: /x~2|distinct|collid/, modifies: ['out/x.txt', 'out/x.ann', 'out/x.txt.txt', 'out/x.txt.ann', 'out/x~2.txt', 'out/x~2.ann', 'out/annotation.conf', 'out/visual.conf'] },
  ] }, { '.legal-annotator.yaml': 'version: 1\nsources:\n  - "x"\n  - "x.txt"\n', x: base, 'x.ann.yaml': tagged('x'), 'x.txt': base, 'x.txt.ann.yaml': tagged('x.txt') });

  add({ name: 'outputs over untagged sources', what: 'export and report asked to write over a source no one tagged yet, directly and through a folder linked to it', folder: 'outputs-over-untagged', runs: [
    { argv: ['export', '.', '--format', 'csv', '--out', 'untagged.txt'], exits: [2], mentions: /untagged\.txt is a source/ },
    { argv: ['report', '.', '--format', 'md', '--out', 'alias/c.txt'], exits: [2], mentions: /alias\/c\.txt is a source/ },
    { argv: ['report', '.', '--format', 'md', '--out', 'notes.md'], exits: [2], mentions: /notes\.md is a source/ },
  ] }, { 'report.txt': base, 'report.txt.ann.yaml': tagged('report.txt'), 'untagged.txt': 'A witness statement no one has tagged yet.\n', 'notes.md': '# Evidence matrix\n\nMy own notes, written by hand.\n' });
  mkdirSync(join(workspace, 'outputs-over-untagged', 'corpus'));
  writeFileSync(join(workspace, 'outputs-over-untagged', 'corpus', 'c.txt'), 'Another statement no one has tagged yet.\n');
  symlinkSync('corpus', join(workspace, 'outputs-over-untagged', 'alias'));

  add({ name: 'brat export into another project', what: 'a brat folder holding someone else\'s text and .ann under the names the export would write, and no annotation.conf of ours', folder: 'brat-foreign', runs: [
    { argv: ['export', '--format', 'brat', '--out', 'theirs', 'report.txt'], exits: [2], mentions: /theirs\/report\.txt already exists and is not what an earlier export wrote there/ },
  ] }, { 'report.txt': base, 'report.txt.ann.yaml': tagged('report.txt') });
  mkdirSync(join(workspace, 'brat-foreign', 'theirs'));
  writeFileSync(join(workspace, 'brat-foreign', 'theirs', 'report.txt'), 'A different witness statement, annotated in brat.\n');
  writeFileSync(join(workspace, 'brat-foreign', 'theirs', 'report.ann'), 'T1\tBeating 12 21\twitness s\n');

  add({ name: 'a copied sidecar', what: 'a.txt.ann.yaml copied from b.txt.ann.yaml (its source says b.txt): counted, it would give b.txt\'s tags twice', folder: 'copied-sidecar', runs: [
    { argv: ['export', '--format', 'csv', '.'], exits: [1], mentions: /a\.txt\.ann\.yaml: skipped: its "source" is b\.txt/ },
    { argv: ['report', '.', '--format', 'md'], exits: [1], mentions: /a\.txt\.ann\.yaml: skipped/ },
    { argv: ['tag', 'a.txt', '--category', TEXT_CATEGORY, '--quote', 'denied access'], exits: [1], mentions: /a\.txt/ },
  ] }, { 'a.txt': base, 'b.txt': base, 'b.txt.ann.yaml': tagged('b.txt'), 'a.txt.ann.yaml': tagged('b.txt') });

  add({ name: 'an import into a sidecar', what: 'a W3C annotation whose target is a sidecar: a sidecar is never a source', folder: 'import-into-sidecar', runs: [
    { argv: ['import', '--format', 'w3c', 'into.jsonl'], exits: [1], mentions: /report\.txt\.ann\.yaml.*is a sidecar/ },
  ] }, { 'report.txt': base, 'report.txt.ann.yaml': tagged('report.txt') });
  writeFileSync(join(workspace, 'import-into-sidecar', 'into.jsonl'), `${w3c(`file://${join(workspace, 'import-into-sidecar', 'report.txt.ann.yaml')}`, { start: 0, end: 7 }, 'version')}\n`);

  add({ name: 'a long name with a newline', what: 'a source whose 40-character name holds a line break (a folded quoted name broke the new sidecar)', folder: 'long-newline-name', runs: [
    { argv: ['tag', `abcd\n${'abcd'.repeat(8)}.txt`, '--category', TEXT_CATEGORY, '--quote', 'tortured at Olenivka'], exits: [0], modifies: [`abcd\n${'abcd'.repeat(8)}.txt.ann.yaml`] },
    { argv: ['check', '.'], exits: [0] },
  ] }, { [`abcd\n${'abcd'.repeat(8)}.txt`]: base });

  const formula = '=HYPERLINK("http://attacker.invalid","click") +1 -1 @SUM(A1)\n';
  add({ name: 'formulas in CSV cells', what: 'quotes and a note beginning with =, +, -, @, a tab and a CR', folder: 'csv-formulas', runs: [
    { argv: ['export', '--format', 'csv', '.'], exits: [0], shows: /'=HYPERLINK/, hides: /(^|,)"?[=+@\t\r-]HYPERLINK/m },
  ] }, { 'report.txt': formula, 'report.txt.ann.yaml': validSidecarText('report.txt', formula, '=HYPERLINK("http://attacker.invalid","click")') });
  add({ name: 'a # in a folder name (SARIF)', what: 'a sidecar with an error under q#1/: its SARIF URI must be percent-encoded', folder: 'sarif-uri', runs: [
    { argv: ['check', '.', '--format', 'sarif'], exits: [1], shows: /q%231\/x\.txt\.ann\.yaml/, hides: /"uri": "q#1/ },
  ] }, {});
  mkdirSync(join(workspace, 'sarif-uri', 'q#1'));
  writeFileSync(join(workspace, 'sarif-uri', 'q#1', 'x.txt'), base);
  writeFileSync(join(workspace, 'sarif-uri', 'q#1', 'x.txt.ann.yaml'), replaceValue(tagged('x.txt'), 'status', 'maybe'));
  const forged = 'x.txt\u001b[31m\u0007\nreport.txt:1:1: error [forged] a forged line';
  add({ name: 'control characters in a sidecar\'s source', what: 'a source name holding ESC, BEL and a newline followed by a forged diagnostic line', folder: 'forged-output', runs: [
    { argv: ['check', '.'], exits: [1], hides: new RegExp(`${RAW_ESCAPE_OR_BELL.source}|\\nreport\\.txt:1:1: error \\[forged\\]`) },
    { argv: ['export', '--format', 'csv', '.'], exits: [1], hides: RAW_ESCAPE_OR_BELL },
  ] }, { 'report.txt': base, 'report.txt.ann.yaml': tagged('report.txt').replace('source: report.txt', `source: ${JSON.stringify(forged)}`) });
  add({ name: 'unprintable characters in a note', what: 'a note holding U+2028, U+2029, NEL, DEL, U+FFFE and a C1 control: YAML 1.1 readers refuse them raw', folder: 'note-controls', runs: [
    { argv: ['tag', 'report.txt', '--category', TEXT_CATEGORY, '--quote', 'denied access', '--note', 'a\u2028b\u2029c\u0085d\u007fe\ufffef\u009bg'], exits: [0], modifies: ['report.txt.ann.yaml'], writesNo: { file: 'report.txt.ann.yaml', pattern: /[\u2028\u2029\u0085\u007f\ufffe\u009b]/ } },
    { argv: ['check', 'report.txt.ann.yaml'], exits: [0] },
  ] }, { 'report.txt': base });
  const entityMegabytes = Math.max(1, Math.round(megabytes * 0.44));
  add({ name: `${entityMegabytes} MB line of entities`, what: `a ${entityMegabytes} MB line that is nothing but states and dates (two entities per 22 characters): scan streams their JSON`, folder: 'entity-line', runs: [
    { argv: ['scan', 'entities.txt', '--format', 'json'], exits: [0] },
    { argv: ['scan', 'entities.txt', '--format', 'text'], exits: [0] },
  ] }, { 'entities.txt': 'Ukraine, 12 May 2022. '.repeat(Math.ceil((entityMegabytes * 1e6) / 22)) });
  add({ name: 'export and report of a sidecar with errors', what: 'a sidecar check fails (a status outside the enum): export and report say so and exit 1', folder: 'export-errors', runs: [
    { argv: ['export', '--format', 'csv', '.'], exits: [1], mentions: named('report.txt.ann.yaml') },
    { argv: ['report', '.', '--format', 'md'], exits: [1], mentions: named('report.txt.ann.yaml') },
  ] }, { 'report.txt': base, 'report.txt.ann.yaml': replaceValue(tagged('report.txt'), 'status', 'maybe') });
}

/** A valid sidecar for `text` with one annotation on `quote`. */
export function validSidecarText(sourceName: string, text: string, quote: string): string {
  const result = tagPassage({ text, sourceName, taxonomy: DEFAULT_TAXONOMY, category: TEXT_CATEGORY, range: { quote }, now: new Date('2025-10-01T12:00:00Z') });
  if (!result.ok) throw new Error(`cannot build a sidecar for ${sourceName}: ${result.reason}`);
  return result.doc.text;
}

/** Values of the wrong type for each key of a sidecar whose type the schema fixes. */
function wrongTypes(): [string, { yaml: string; what: string }][] {
  return [
    ['version', { yaml: '"one"', what: 'a string' }],
    ['source', { yaml: '[a, b]', what: 'a list' }],
    ['sourceHash', { yaml: '12', what: 'a number' }],
    ['annotations', { yaml: '{ a: 1 }', what: 'a mapping' }],
    ['id', { yaml: '[x]', what: 'a list' }],
    ['category', { yaml: '{ torture: yes }', what: 'a mapping' }],
    ['start', { yaml: '"zero"', what: 'a string' }],
    ['end', { yaml: '-5', what: 'a negative number' }],
    ['exact', { yaml: '42', what: 'a number' }],
    ['prefix', { yaml: 'true', what: 'a boolean' }],
    ['created', { yaml: '"yesterday"', what: 'a string that is no date-time' }],
    ['status', { yaml: 'maybe', what: 'a value outside the enum' }],
  ];
}

/** Replaces the value of the first `key:` line (top level or inside the annotation). */
function replaceValue(text: string, key: string, yaml: string): string {
  const pattern = new RegExp(`^(\\s*(?:- )?${key}:)[^\\n]*$`, 'm');
  if (!pattern.test(text)) return `${text}${key}: ${yaml}\n`;
  return text.replace(pattern, `$1 ${yaml}`);
}

/** A source of numbered lines and a sidecar with `count` annotations, one per line, written as text (tagging them one by one is quadratic); bench/tag.bench.ts uses it too. */
export function manyAnnotations(count: number): { source: string; sidecar: string } {
  const lines = Array.from({ length: count }, (_, i) => `Line ${i}: detainee ${i} was tortured.\n`);
  const source = `${lines.join('')}This is the last line.\n`;
  const out = [`version: 1`, `source: many.txt`, `sourceHash: ${sourceHash(source)}`, `annotations:`];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const line = lines[i];
    const exact = `detainee ${i} was tortured`;
    const start = offset + line.indexOf(exact);
    const end = start + exact.length;
    const prefix = source.slice(Math.max(0, start - CONTEXT_LENGTH), start);
    const suffix = source.slice(end, end + CONTEXT_LENGTH);
    out.push(
      `  - id: a${i.toString(16).padStart(8, '0')}`,
      `    category: torture`,
      `    target:`,
      `      start: ${start}`,
      `      end: ${end}`,
      `      exact: ${JSON.stringify(exact)}`,
      `      prefix: ${JSON.stringify(prefix)}`,
      `      suffix: ${JSON.stringify(suffix)}`,
    );
    offset += line.length;
  }
  out.push('dismissed: []', '');
  return { source, sidecar: out.join('\n') };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

if (require.main === module) {
  const [out, ...rest] = process.argv.slice(2);
  if (!out) {
    console.error('usage: tsx scripts/generate-hostile.ts OUT_DIR [--source-mb N]');
    process.exit(2);
  }
  const mb = rest[0] === '--source-mb' ? Number(rest[1]) : undefined;
  const cases = writeHostileCorpus(resolve(out), { sourceMegabytes: mb });
  console.log(`${cases.length} hostile cases written to ${resolve(out)}`);
}
