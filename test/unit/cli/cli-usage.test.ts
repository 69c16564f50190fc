// What every user of a command-line tool expects: --version, and one line with a suggestion
// for a mistyped command or option (exit 2), in every command.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandArgs } from '../../../src/cli/args';
import { CliError } from '../../../src/cli/output';
import { COMMANDS } from '../../../src/cli/run';
import { runCliCaptured } from '../../support/cli';

const cli = (argv: string[]) => runCliCaptured(...argv);

describe('legal-annotator usage', function () {
  it('prints package.json\'s version with --version and -V', async function () {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const { code, out, err } = await cli([flag]);
      assert.deepEqual({ code, out, err }, { code: 0, out: `${version}\n`, err: '' }, flag);
    }
  });

  it('suggests the nearest command for a mistyped one, in one line, exit 2', async function () {
    assert.deepEqual(await cli(['scna', 'report.txt']), {
      code: 2,
      out: '',
      err: "legal-annotator: unknown command 'scna'; did you mean 'scan'? (see legal-annotator --help)\n",
    });
    assert.deepEqual(await cli(['--verison']), {
      code: 2,
      out: '',
      err: "legal-annotator: unknown option '--verison'; did you mean '--version'? (see legal-annotator --help)\n",
    });
    assert.deepEqual(await cli(['-v']), {
      code: 2,
      out: '',
      err: "legal-annotator: unknown option '-v'; did you mean '-V'? (see legal-annotator --help)\n",
    });
    // Before the command, an option of every command is as likely mistyped.
    assert.deepEqual(await cli(['--colour', 'scan', 'a.txt']), {
      code: 2,
      out: '',
      err: "legal-annotator: unknown option '--colour'; did you mean '--color'? (see legal-annotator --help)\n",
    });
    assert.match((await cli(['scan', 'a.txt', '--max-file-sise', '3'])).err, /^legal-annotator scan: unknown option '--max-file-sise'; did you mean '--max-file-size'\?\n$/);
  });

  it('a mistyped --format value of every command that takes one gets the values and did you mean, exit 2', async function () {
    const cases: [string[], string][] = [
      [['scan', 'a.txt', '--format', 'jsn'], "legal-annotator scan: unknown --format 'jsn' (expected json or text); did you mean 'json'?"],
      [['check', '--format', 'sarf'], "legal-annotator check: unknown --format 'sarf' (expected text, json or sarif); did you mean 'sarif'?"],
      [['categories', '--format', 'jsno'], "legal-annotator categories: unknown --format 'jsno' (expected text or json); did you mean 'json'?"],
      [['agree', 'a', 'b', '--format', 'mdd'], "legal-annotator agree: unknown --format 'mdd' (expected text, json or md); did you mean 'md'?"],
      [['export', '--format', 'cvs'], "legal-annotator export: unknown --format 'cvs' (expected w3c, brat or csv); did you mean 'csv'?"],
      [['import', 'x.ann', '--format', 'brta'], "legal-annotator import: unknown --format 'brta' (expected brat or w3c); did you mean 'brat'?"],
      [['report', '.', '--format', 'htm'], "legal-annotator report: unknown --format 'htm' (expected md or html); did you mean 'html'?"],
      [['report', '.', '--by', 'incident', '--format', 'jsn'], "legal-annotator report: unknown --format 'jsn' (expected md, html or json); did you mean 'json'?"],
    ];
    for (const [argv, message] of cases) assert.deepEqual(await cli(argv), { code: 2, out: '', err: `${message}\n` }, argv.join(' '));
  });

  it('help COMMAND prints that command\'s help, as COMMAND --help does; an unknown one gets did you mean, exit 2', async function () {
    for (const name of Object.keys(COMMANDS)) {
      const own = await cli([name, '--help']);
      for (const help of ['help', '--help', '-h']) assert.deepEqual(await cli([help, name]), own, `${help} ${name}`);
    }
    assert.ok((await cli(['help', 'scan'])).out.startsWith('Usage: legal-annotator scan'));
    const general = await cli(['help']);
    assert.equal(general.code, 0);
    assert.ok(general.out.startsWith('Usage: legal-annotator <command>'));
    assert.deepEqual(await cli(['help', 'scna']), {
      code: 2,
      out: '',
      err: "legal-annotator help: unknown command 'scna'; did you mean 'scan'? (see legal-annotator --help)\n",
    });
    assert.equal((await cli(['help', 'constructor'])).code, 2);
  });

  it('suggests nothing when no command is close, and never an Object property', async function () {
    for (const name of ['frobnicate', 'constructor', 'toString']) {
      assert.deepEqual(await cli([name]), { code: 2, out: '', err: `legal-annotator: unknown command '${name}' (see legal-annotator --help)\n` });
    }
  });

  it('suggests the nearest option of each command, in one line, exit 2', async function () {
    const cases: [string[], string][] = [
      [['check', '--formt', 'json'], "legal-annotator check: unknown option '--formt'; did you mean '--format'?"],
      [['scan', 'a.txt', '--month-first-slash'], "legal-annotator scan: unknown option '--month-first-slash'; did you mean '--month-first-slashes'?"],
      [['export', '--jsnl'], "legal-annotator export: unknown option '--jsnl'; did you mean '--jsonl'?"],
      [['import', '--sourcs', 'x'], "legal-annotator import: unknown option '--sourcs'; did you mean '--sources'?"],
      [['report', '--ot', 'x'], "legal-annotator report: unknown option '--ot'; did you mean '--out'?"],
      [['report', '--compre', 'a', 'b'], "legal-annotator report: unknown option '--compre'; did you mean '--compare'?"],
      [['report', '--by', 'incidnet', '--format', 'md'], "legal-annotator report: unknown --by 'incidnet' (expected incident); did you mean 'incident'?"],
      [['tag', 'a.txt', '--categroy', 'torture'], "legal-annotator tag: unknown option '--categroy'; did you mean '--category'?"],
      [['check', '--no-colour'], "legal-annotator check: unknown option '--no-colour'; did you mean '--no-color'?"],
      [['check', '--zzzzzz'], "legal-annotator check: unknown option '--zzzzzz' (see legal-annotator check --help)"],
      [['check', '--format'], "legal-annotator check: option '--format' needs a value"],
      [['scan', '--help=yes'], "legal-annotator scan: option '--help' takes no value"],
      [['import', '--format', 'brat', 'no-such-brat-folder', '--sources', '.'], 'legal-annotator import: no-such-brat-folder: no such file or folder'],
      [['tag', 'a.txt', '--category', 'torture', '--quote', '-2 beaten'], "legal-annotator tag: option '--quote' was given '-2 beaten', which reads as an option: write --quote='-2 beaten'"],
    ];
    for (const [argv, message] of cases) assert.deepEqual(await cli(argv), { code: 2, out: '', err: `${message}\n` }, argv.join(' '));
  });

  it('every command, and every command added later, parses through parseCommandArgs', async function () {
    for (const name of Object.keys(COMMANDS)) {
      assert.deepEqual(await cli([name, '--hepl']), { code: 2, out: '', err: `legal-annotator ${name}: unknown option '--hepl'; did you mean '--help'?\n` }, name);
      const help = await cli([name, '--help', '--no-color']);
      assert.equal(help.code, 0, name);
      assert.ok(help.out.includes(`legal-annotator ${name}`), name);
    }
  });

  it('parses known options as parseArgs does, and throws a CliError for bad usage', function () {
    const options = { format: { type: 'string' }, fix: { type: 'boolean', default: false } } as const;
    const { values, positionals } = parseCommandArgs('demo', ['a', '--format', 'json', '--fix', '--', '--b'], options);
    assert.deepEqual({ ...values }, { format: 'json', fix: true });
    assert.deepEqual(positionals, ['a', '--b']);
    assert.throws(() => parseCommandArgs('demo', ['--fx'], options), (error: unknown) => error instanceof CliError && /did you mean '--fix'/.test(error.message));
  });
});
