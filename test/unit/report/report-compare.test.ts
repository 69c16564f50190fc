/**
 * The agreement section of a report: what it shows (per category span F1 and sentence alpha, the
 * sources agreed on least) from the team core's measures, and `report --compare A B` as a real
 * process on folders and on two branches of a real git repository.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from '../../../src/core/sidecar/model';
import { agreementHtml, agreementMarkdown, buildAgreementSection } from '../../../src/core/report/agreement-section';
import { buildEvidenceMatrix } from '../../../src/core/report/evidence-matrix';
import { markdownText } from '../../../src/core/report/markdown';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';
import { krippendorffAlphaNominal } from '../../../src/core/team/agreement-stats';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

const MAIN = join(__dirname, '../../../src/cli/main.ts');
const TSX = require.resolve('tsx/cjs');
const TEXT = 'The prisoners were tortured in the basement. Others were executed at dawn. The ICRC was denied access. The weather was fine.\n';
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org' };

const tag = (id: string, category: string, quote: string): Annotation => {
  const start = TEXT.indexOf(quote);
  return { id, category, target: { start, end: start + quote.length, exact: quote, prefix: '', suffix: '' } };
};

const EMPTY_MATRIX = buildEvidenceMatrix([], DEFAULT_TAXONOMY);

describe('the agreement section of a report', () => {
  const section = buildAgreementSection('git:main', 'alice|<b>', [
    { file: 'same.txt', text: TEXT, a: [tag('a', 'torture', 'tortured')], b: [tag('b', 'torture', 'tortured')] },
    { file: 'a|b.txt', text: TEXT, a: [tag('a', 'torture', 'tortured'), tag('b', 'wilful-killing', 'executed')], b: [tag('c', 'torture', 'tortured in the basement')] },
  ]);

  it('shows per category the span F1 and the sentence alpha the agreement core measures', () => {
    // wilful-killing over the 8 sentences: one "yes" by A, every other value "no"; the core's
    // alpha (checked against Krippendorff's published data) of these pairs.
    const pairs = Array.from({ length: 8 }, (_, i) => (i === 5 ? ['yes', 'no'] : ['no', 'no']));
    const expectedAlpha = krippendorffAlphaNominal(pairs).toFixed(3);
    assert.equal(expectedAlpha, '0.000');
    const md = agreementMarkdown(section, EMPTY_MATRIX, markdownText).join('\n');
    assert.match(md, /^## Agreement$/m);
    assert.match(md, /\| Torture \| 2 \| 2 \| 0\.500 \| 1\.000 \| 1\.000 \|/);
    assert.match(md, new RegExp(`\\| Wilful killing[^|]* \\| 1 \\| 0 \\| 0\\.000 \\| 0\\.000 \\| ${expectedAlpha.replace('.', '\\.')} \\|`));
    assert.match(md, /2 sources compared: span F1 exact 0\.400, overlapping 0\.800/);
  });

  it('lists the sources with any difference, the lowest agreement first, escaped', () => {
    assert.deepEqual(section.lowest.map((s) => s.file), ['a|b.txt']);
    const md = agreementMarkdown(section, EMPTY_MATRIX, markdownText).join('\n');
    assert.match(md, /\| a\\\|b\.txt \| 2 \| 1 \| 0\.667 \| [-0-9.]+ \| 1 of 4 \|/);
    assert.ok(md.includes('B: alice\\|\\<b\\>'));
    const html = agreementHtml(section, EMPTY_MATRIX).join('\n');
    assert.ok(html.includes('<code>alice|&lt;b&gt;</code>'));
    assert.match(html, /<tr><td>a\|b\.txt<\/td><td class="n">2<\/td><td class="n">1<\/td><td class="n">0\.667<\/td>/);
    assert.doesNotMatch(html, /style=/, 'no style attribute: the webview CSP blocks them');
  });

  it('says so when the two annotators agree everywhere', () => {
    const agreed = buildAgreementSection('a', 'b', [{ file: 'same.txt', text: TEXT, a: [tag('a', 'torture', 'tortured')], b: [tag('b', 'torture', 'tortured')] }]);
    assert.deepEqual(agreed.lowest, []);
    assert.match(agreementMarkdown(agreed, EMPTY_MATRIX, markdownText).join('\n'), /The two annotators agree on every source\./);
  });
});

describe('legal-annotator report --compare (a real process)', function () {
  this.timeout(180_000);
  useTemporaryWorkspace('la-report-compare-');

  function report(...args: string[]): { code: number | null; out: string; err: string } {
    const run = spawnSync(process.execPath, ['-r', TSX, MAIN, 'report', ...args], { encoding: 'utf8', env: GIT_ENV });
    return { code: run.status, out: run.stdout, err: run.stderr };
  }

  async function tagHere(file: string, quote: string, category: string): Promise<void> {
    const run = await cli('tag', file, '--category', category, '--quote', quote);
    assert.equal(run.code, 0, run.err);
  }

  it('compares two branches of a git repository without checking them out, in Markdown and HTML', async () => {
    const git = (...args: string[]) => execFileSync('git', args, { env: GIT_ENV, encoding: 'utf8' });
    await fs.rm('.git', { recursive: true, force: true });
    git('init', '-q', '-b', 'main');
    await fs.writeFile('r.txt', TEXT);
    await fs.writeFile('s.txt', TEXT);
    await tagHere('r.txt', 'tortured', 'torture');
    await tagHere('s.txt', 'tortured', 'torture');
    git('add', '.');
    git('commit', '-qm', 'main');
    git('checkout', '-qb', 'other');
    await tagHere('s.txt', 'executed', 'wilful-killing');
    git('commit', '-qam', 'other');
    git('checkout', '-q', 'main');

    const md = report('.', '--format', 'md', '--compare', 'git:main', 'git:other');
    assert.equal(md.code, 0, md.err);
    assert.match(md.out, /^# Evidence matrix/);
    assert.match(md.out, /^A: git:main · B: git:other$/m);
    assert.match(md.out, /\| Torture \| 2 \| 2 \| 1\.000 \| 1\.000 \| 1\.000 \|/);
    assert.match(md.out, /\| Wilful killing[^|]* \| 0 \| 1 \| 0\.000 \| 0\.000 \| 0\.000 \|/);
    assert.match(md.out, /### Lowest agreement\n\n\| Source [^\n]+\n[^\n]+\n\| s\.txt \| 1 \| 2 \| 0\.667 \|/);
    assert.doesNotMatch(md.out, /\| r\.txt \| 1 \| 1 \|/, 'a source agreed on is not among the lowest');
    assert.equal(git('status', '--porcelain'), '', 'nothing checked out or written');

    const html = report('--format', 'html', '--out', 'report.html', '--compare', 'git:main', 'git:other');
    assert.equal(html.code, 0, html.err);
    const page = await fs.readFile('report.html', 'utf8');
    assert.match(page, /<h2 id="agreement">Agreement<\/h2>/);
    assert.match(page, /<tr><td>s\.txt<\/td><td class="n">1<\/td><td class="n">2<\/td>/);
  });

  it('compares two folders, and refuses a missing side or a missing value before writing anything (exit 2)', async () => {
    for (const [folder, extra] of [['alice', []], ['bob', [['executed', 'wilful-killing']]]] as const) {
      await fs.mkdir(folder);
      await fs.writeFile(`${folder}/r.txt`, TEXT);
      for (const [quote, category] of [['tortured', 'torture'], ...extra]) await tagHere(`${folder}/r.txt`, quote, category);
    }
    const run = report('alice', '--format', 'md', '--compare', 'alice', 'bob');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /1 source compared: span F1 exact 0\.667/);
    assert.match(run.out, /\| r\.txt \| 1 \| 2 \|/);

    const missing = report('alice', '--format', 'md', '--out', 'x.md', '--compare', 'alice', 'nowhere');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nowhere: no such folder/);
    const oneValue = report('alice', '--format', 'md', '--compare', 'alice');
    assert.equal(oneValue.code, 2);
    assert.match(oneValue.err, /--compare needs two values/);
    const joined = await cli('report', 'alice', '--format', 'md', '--compare=alice', 'bob');
    assert.equal(joined.code, 2);
    assert.match(joined.err, /--compare takes two values, A and B, as two words/);
    await assert.rejects(fs.stat('x.md'), 'nothing written');
  });
});
