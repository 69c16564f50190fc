/** Agreement of two annotators: the measures on known cases, and `agree` on folders and on git refs. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import type { Annotation } from '../../../src/core/sidecar/model';
import { lowestAgreement, measureAgreement, measureAgreementBySource } from '../../../src/core/team/agreement';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

const TEXT = 'The prisoners were tortured in the basement. Others were executed at dawn. The ICRC was denied access. The weather was fine.\n';
const tag = (id: string, category: string, quote: string): Annotation => {
  const start = TEXT.indexOf(quote);
  return { id, category, target: { start, end: start + quote.length, exact: quote, prefix: '', suffix: '' } };
};

describe('measureAgreement', () => {
  it('is perfect for identical tags, and says where two annotators differ', () => {
    const same = [tag('a', 'torture', 'tortured'), tag('b', 'wilful-killing', 'executed')];
    const perfect = measureAgreement([{ file: 'r.txt', text: TEXT, a: same, b: same }]);
    assert.deepEqual(perfect.overall, { spanF1Exact: 1, spanF1Overlap: 1, sentenceKappa: 1, sentenceAlpha: 1 });
    assert.deepEqual(perfect.disagreements, []);

    const a = [tag('a', 'torture', 'tortured in the basement'), tag('b', 'wilful-killing', 'executed')];
    const b = [tag('c', 'torture', 'tortured'), tag('d', 'denial-of-icrc-access', 'denied access')];
    const result = measureAgreement([{ file: 'r.txt', text: TEXT, a, b }]);
    assert.equal(result.overall.spanF1Exact, 0);
    assert.equal(result.overall.spanF1Overlap, 0.5, 'one of two on each side overlaps with the same category');
    assert.deepEqual(result.categories.torture, { a: 1, b: 1, spanF1Exact: 0, spanF1Overlap: 1, sentenceAlpha: 1 });
    // wilful-killing: A says yes on one of four sentences, B on none; values 1 yes, 7 no, 2 disagreeing
    // coincidences, so alpha = 1 - (8 - 1) * 2 / (2 * 1 * 7) = 0.
    assert.equal(result.categories['wilful-killing'].sentenceAlpha, 0);
    assert.deepEqual(result.disagreements.map((d) => [d.a, d.b]), [[['wilful-killing'], []], [[], ['denial-of-icrc-access']]]);
    assert.ok(result.overall.sentenceKappa < 1 && result.overall.sentenceKappa > -1);
    assert.ok(result.overall.sentenceAlpha < 1);
  });

  it('places each disagreement at its 1-based line and column, counted in code points, besides its offsets', () => {
    const text = 'The prisoners were tortured.\nAt \u{1F305} dawn. Others were executed.\n';
    const at = (quote: string) => [...text.slice(0, text.indexOf(quote))].length;
    const executed: Annotation = { id: 'x', category: 'wilful-killing', target: { start: at('executed'), end: at('executed') + 8, exact: 'executed', prefix: '', suffix: '' } };
    const { disagreements } = measureAgreement([{ file: 'r.txt', text, a: [executed], b: [] }]);
    assert.deepEqual(disagreements, [{ file: 'r.txt', start: at('Others'), end: at('Others') + 21, line: 2, column: 12, a: ['wilful-killing'], b: [] }]);
  });

  it('measures each source, and lists the sources that differ, the lowest agreement first', () => {
    const same = [tag('a', 'torture', 'tortured')];
    const { agreement, sources } = measureAgreementBySource([
      { file: 'agreed.txt', text: TEXT, a: same, b: same },
      { file: 'apart.txt', text: TEXT, a: [tag('a', 'torture', 'tortured'), tag('b', 'wilful-killing', 'executed')], b: [tag('c', 'torture', 'tortured')] },
      { file: 'far.txt', text: TEXT, a: [tag('a', 'torture', 'tortured')], b: [tag('c', 'wilful-killing', 'executed')] },
    ]);
    assert.deepEqual(agreement, measureAgreement([
      { file: 'agreed.txt', text: TEXT, a: same, b: same },
      { file: 'apart.txt', text: TEXT, a: [tag('a', 'torture', 'tortured'), tag('b', 'wilful-killing', 'executed')], b: [tag('c', 'torture', 'tortured')] },
      { file: 'far.txt', text: TEXT, a: [tag('a', 'torture', 'tortured')], b: [tag('c', 'wilful-killing', 'executed')] },
    ]));
    assert.deepEqual(sources.map((s) => [s.file, s.a, s.b, s.sentences, s.sentencesDiffering]), [['agreed.txt', 1, 1, 4, 0], ['apart.txt', 2, 1, 4, 1], ['far.txt', 1, 1, 4, 2]]);
    assert.equal(sources[0].sentenceAlpha, 1);
    assert.equal(sources[1].spanF1Overlap, 2 / 3);
    assert.equal(sources[2].spanF1Overlap, 0);
    assert.ok(sources[2].sentenceAlpha < sources[1].sentenceAlpha);
    assert.deepEqual(lowestAgreement(sources, 10).map((s) => s.file), ['far.txt', 'apart.txt']);
    assert.deepEqual(lowestAgreement(sources, 1).map((s) => s.file), ['far.txt']);
  });
});

describe('legal-annotator agree', function () {
  this.timeout(120_000);
  useTemporaryWorkspace('la-agree-');

  async function annotate(folder: string, tags: [string, string][]): Promise<void> {
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(`${folder}/r.txt`, TEXT);
    for (const [quote, category] of tags) assert.equal((await cli('tag', `${folder}/r.txt`, '--category', category, '--quote', quote)).code, 0);
  }

  it('says where a sidecar left out has its first error, exits 1 when all were left out, and counts one source as one', async () => {
    await annotate('alice', [['tortured', 'torture']]);
    await annotate('bob', [['tortured', 'torture']]);
    const md = await cli('agree', 'alice', 'bob', '--format', 'md');
    assert.match(md.out, /^# Agreement of two annotators \(1 source\)\n/);
    await fs.writeFile('alice/r.txt.ann.yaml', 'version: 1\nsource: r.txt\nannotations: [\n');
    await fs.rm('bob', { recursive: true });
    await fs.mkdir('bob');
    const run = await cli('agree', 'alice', 'bob');
    assert.equal(run.code, 1, 'a sidecar could not be read (docs/cli.md), even when it was the only one');
    assert.match(run.err, /^\S*alice\/r\.txt\.ann\.yaml: the sidecar has errors \(\S*alice\/r\.txt\.ann\.yaml:4:1: Flow sequence .+\); left out\nlegal-annotator agree: no sidecars to compare in alice or bob\n$/);
  });

  it('compares a source on neither side when one side\'s sidecar of it was left out, rather than as no tags', async () => {
    await annotate('alice', [['tortured', 'torture']]);
    await annotate('bob', [['tortured', 'torture']]);
    for (const who of ['alice', 'bob']) {
      await fs.writeFile(`${who}/s.txt`, TEXT);
      assert.equal((await cli('tag', `${who}/s.txt`, '--category', 'torture', '--quote', 'executed')).code, 0);
    }
    await fs.writeFile('bob/r.txt.ann.yaml', (await fs.readFile('bob/r.txt.ann.yaml', 'utf8')).replace('version: 1', 'version: 1\nversion: 1'));
    const run = await cli('agree', 'alice', 'bob', '--format', 'json');
    assert.equal(run.code, 1);
    assert.match(run.err, /bob\/r\.txt\.ann\.yaml: the sidecar has errors .*; left out\n$/);
    const agreement = JSON.parse(run.out) as { sources: number; overall: { spanF1Exact: number }; disagreements: unknown[] };
    assert.equal(agreement.sources, 1, 'r.txt is compared on neither side');
    assert.equal(agreement.overall.spanF1Exact, 1);
    assert.deepEqual(agreement.disagreements, []);
  });

  /** A repository in the workspace: `w` as it is committed on main, alice-branch adding a wilful-killing tag to w/r.txt. */
  async function mainAndAliceBranch(git: (...args: string[]) => string): Promise<void> {
    git('add', 'w');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'alice-branch');
    assert.equal((await cli('tag', 'w/r.txt', '--category', 'wilful-killing', '--quote', 'executed')).code, 0);
    git('commit', '-qam', 'alice');
    git('checkout', '-q', 'main');
  }

  /** git in the workspace, with a committer, after a fresh `git init`. */
  async function freshRepository(): Promise<(...args: string[]) => string> {
    const env = { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org' };
    const git = (...args: string[]) => execFileSync('git', args, { env, encoding: 'utf8' });
    await fs.rm('.git', { recursive: true, force: true });
    git('init', '-q', '-b', 'main');
    return git;
  }

  it('compares two folders of sidecars (json), and two git branches without checking them out', async () => {
    await annotate('alice', [['tortured', 'torture'], ['executed', 'wilful-killing']]);
    await annotate('bob', [['tortured', 'torture'], ['denied access', 'denial-of-icrc-access']]);
    const run = await cli('agree', 'alice', 'bob', '--format', 'json');
    assert.equal(run.code, 0, run.err);
    const json = JSON.parse(run.out) as { sources: number; overall: Record<string, number>; categories: Record<string, { a: number; b: number }>; disagreements: Record<string, unknown>[] };
    assert.equal(json.sources, 1);
    assert.equal(json.overall.spanF1Exact, 0.5);
    assert.deepEqual(Object.keys(json.overall).sort(), ['sentenceAlpha', 'sentenceKappa', 'spanF1Exact', 'spanF1Overlap']);
    assert.deepEqual(json.categories.torture, { a: 1, b: 1, spanF1Exact: 1, spanF1Overlap: 1, sentenceAlpha: 1 });
    assert.deepEqual(json.disagreements, [
      { file: 'r.txt', start: 45, end: 74, line: 1, column: 46, a: ['wilful-killing'], b: [] },
      { file: 'r.txt', start: 75, end: 102, line: 1, column: 76, a: [], b: ['denial-of-icrc-access'] },
    ]);
    const listed = await cli('agree', 'alice', 'bob');
    assert.match(listed.out, /\n2 sentence\(s\) labelled differently\n {2}r\.txt:1:46 \(45-74\): A \[wilful-killing\] B \[\]\n {2}r\.txt:1:76 \(75-102\): A \[\] B \[denial-of-icrc-access\]\n$/);

    const git = await freshRepository();
    await annotate('w', [['tortured', 'torture']]);
    await mainAndAliceBranch(git);
    const text = await cli('agree', 'git:main', 'git:alice-branch');
    assert.equal(text.code, 0, text.err);
    const bare = await cli('agree', 'git:main', 'alice-branch');
    assert.equal(bare.code, 2);
    assert.match(bare.err, /alice-branch: no such folder; a git ref alice-branch exists: did you mean git:alice-branch\?/);
    assert.match(text.out, /^1 source\(s\): span F1 exact 0\.667, overlapping 0\.667; sentences: Cohen's kappa /);
    assert.match(text.out, /w\/r\.txt:1:46 \(45-74\): A \[\] B \[wilful-killing\]/);
  });

  it('counts a git side\'s source as every source is read: its BOM left out, a source that is not UTF-8 left out with the reason', async () => {
    const git = await freshRepository();
    await fs.mkdir('w', { recursive: true });
    await fs.writeFile('w/r.txt', `\uFEFF${TEXT}`);
    assert.equal((await cli('tag', 'w/r.txt', '--category', 'torture', '--quote', 'tortured')).code, 0);
    await fs.writeFile('w/latin1.txt', Buffer.from('Les prisonniers ont \xe9t\xe9 tortur\xe9s.\n', 'latin1'));
    await fs.writeFile('w/latin1.txt.ann.yaml', (await fs.readFile('w/r.txt.ann.yaml', 'utf8')).replace('source: r.txt', 'source: latin1.txt'));
    await mainAndAliceBranch(git);
    // A source left out is a problem (exit 1), as in a folder side.
    const folders = await cli('agree', 'w', 'w', '--format', 'json');
    assert.equal(folders.code, 1, folders.err);
    assert.match(folders.err, /latin1\.txt\.ann\.yaml: its source is not valid UTF-8/);
    const run = await cli('agree', 'git:main', 'git:alice-branch', '--format', 'json');
    assert.equal(run.code, 1, run.err);
    const json = JSON.parse(run.out) as { disagreements: { file: string; start: number; end: number; line: number; column: number }[] };
    // The offsets of the disagreement are the sidecar's, which count after the BOM, as check does.
    assert.deepEqual(json.disagreements.map((d) => [d.file, d.start, d.end, d.line, d.column]), [['w/r.txt', 45, 74, 1, 46]]);
    assert.match(run.err, /git:main:w\/latin1\.txt: its source is not valid UTF-8 \(first bad byte at byte \d+\); left out/);
  });

  it('refuses a side that does not exist and a bad format (exit 2)', async () => {
    assert.equal((await cli('agree', 'nowhere', 'neither')).code, 2);
    assert.equal((await cli('agree', 'a', 'b', '--format', 'xml')).code, 2);
    const option = await cli('agree', 'git:--output=x', 'git:main');
    assert.equal(option.code, 2);
    assert.match(option.err, /git:--output=x: not a git ref/);
    const unknown = await cli('agree', 'git:main', 'git:no-such-branch');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /agree: git:(main|no-such-branch): git [a-z-]+: /, 'the side that failed is named');
    await annotate('alice', [['tortured', 'torture']]);
    await annotate('bob', [['tortured', 'torture']]);
    const nothing = await cli('agree', 'alice', 'bob', 'no-such-path');
    assert.equal(nothing.code, 2, 'a PATH matching nothing is no perfect agreement');
    assert.match(nothing.err, /no sidecars to compare in alice or bob under no-such-path/);
  });
});
