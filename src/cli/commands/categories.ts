import { loadConfigFor } from '../../core/workspace/load-config';
import { nodeConfigFs } from '../../core/workspace/node-config-fs';
import { DEFAULT_TAXONOMY, type Category, type Taxonomy } from '../../core/taxonomy/taxonomy';
import { codePointLength } from '../../core/text/positions';
import { visibleControls } from '../../core/text/visible';
import { parseCommandArgs, unknownChoice } from '../args';
import { painter, type Paint } from '../colour';
import { configWarningLines } from '../config-warnings';
import { shown } from '../interop/load-sources';
import { CliError, EXIT, printNote, type CliOutput } from '../output';
import { statPathArgument } from '../source-paths';

export const CATEGORIES_HELP = `Usage: legal-annotator categories [PATH] [--format text|json] [--cues] [--elements]

Lists the violation categories in force for PATH (a file or a folder; default: the current
folder): the default taxonomy, or the one the nearest .legal-annotator.yaml extends or
replaces, inline or in its taxonomy file. The same taxonomy tag, check and the editor use.

Options:
  --format text|json  text (default): aligned columns ID, LABEL, LEGAL BASIS
                      json: [{ "id", "label", "description", "legalBasis": [...],
                      "color", "elements": [{ "id", "label", "basis" }] }], in the
                      taxonomy's order; elements: the legal elements of the crime
                      (ICC Elements of Crimes), [] when the category has none
  --elements          text: also each category's elements (id, label, basis)
  --cues              also the cue words that suggest each category ("cues": [...])
  -h, --help          show this help

Exit: 0 listed; 1 listed, but the config or its taxonomy file has errors (they are printed,
and the defaults stand in for what could not be read); 2 could not run (bad usage, missing
PATH).
`;

/** One category in `--format json`: field names are part of the CLI's contract. */
interface CategoryJson {
  id: string;
  label: string;
  description: string;
  legalBasis: string[];
  color: string;
  elements: { id: string; label: string; basis?: string }[];
  cues?: string[];
}

export async function runCategories(args: string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs('categories', args, {
    format: { type: 'string', default: 'text' },
    cues: { type: 'boolean', default: false },
    elements: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    output.out(CATEGORIES_HELP);
    return EXIT.ok;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw unknownChoice('--format', format, ['text', 'json']);
  if (positionals.length > 1) throw new CliError(`give at most one PATH (got ${positionals.length}; see legal-annotator categories --help)`);
  const path = positionals[0] ?? '.';
  await statPathArgument(path);

  const loaded = await loadConfigFor(path, nodeConfigFs);
  const warnings = configWarningLines(loaded.files);
  for (const line of warnings) printNote(output, line);
  const { taxonomy, configPath } = loaded.config;
  if (format === 'json') output.out(`${JSON.stringify(taxonomy.categories.map((c) => categoryJson(c, values.cues)), null, 2)}\n`);
  else output.out(categoriesText(taxonomy, { cues: values.cues, elements: values.elements }, painter(output.colour?.out)));
  const from = taxonomy === DEFAULT_TAXONOMY ? 'the default taxonomy' : `the taxonomy of ${shown(configPath!)}`;
  printNote(output, `${taxonomy.categories.length} categories: ${from}${configPath ? '' : ` (no .legal-annotator.yaml from ${shown(path)} up)`}`);
  return warnings.length > 0 ? EXIT.problems : EXIT.ok;
}

function categoryJson(category: Category, withCues: boolean): CategoryJson {
  const { id, label, description, legalBasis, color } = category;
  const elements = category.elements.map((element) => ({ ...element }));
  return { id, label, description, legalBasis: [...legalBasis], color, elements, ...(withCues ? { cues: [...category.cues] } : {}) };
}

/** The text table fits in this many columns; a long label or legal basis wraps inside its column. */
const TABLE_WIDTH = 100;
const LABEL_MAX_WIDTH = 36;
const CUES_PREFIX = 'cues: ';

/** Aligned columns ID, LABEL, LEGAL BASIS (widths in code points), each category's cues and elements below it when asked. */
function categoriesText(taxonomy: Taxonomy, show: { cues: boolean; elements: boolean }, paint: Paint): string {
  const categories = taxonomy.categories.map(visibleCategory);
  const idWidth = Math.max(codePointLength('ID'), ...categories.map((c) => codePointLength(c.id)));
  const labelWidth = Math.min(LABEL_MAX_WIDTH, Math.max(codePointLength('LABEL'), ...categories.map((c) => codePointLength(c.label))));
  const basisWidth = Math.max(codePointLength('LEGAL BASIS'), TABLE_WIDTH - idWidth - labelWidth - 4);
  const row = (cells: string[][], styles: ((text: string) => string)[]): string => {
    const height = Math.max(...cells.map((cell) => cell.length));
    let out = '';
    for (let i = 0; i < height; i++) {
      const texts = [pad(cells[0][i] ?? '', idWidth), pad(cells[1][i] ?? '', labelWidth), cells[2][i] ?? ''];
      out += `${texts.map((text, column) => styles[column](text)).join('  ')}`.trimEnd() + '\n';
    }
    return out;
  };
  const bold = (text: string) => paint('bold', text);
  let out = row([['ID'], ['LABEL'], ['LEGAL BASIS']], [bold, bold, bold]);
  for (const category of categories) {
    const label = wrapTokens(category.label.split(' '), ' ', labelWidth);
    const basis = wrapTokens(category.legalBasis.length > 0 ? category.legalBasis : ['-'], ', ', basisWidth);
    out += row([[category.id], label, basis], [(text) => paint('cyan', text), (text) => text, (text) => text]);
    if (show.cues) out += cueLines(category.cues, idWidth + 2, paint);
    if (show.elements) out += elementLines(category, idWidth + 2, paint);
  }
  return out;
}

/**
 * A category as the table shows it: a workspace taxonomy is the repository's text, and its
 * control characters are escaped (visibleControls) so that a label cannot drive the terminal
 * or break the table's lines.
 */
function visibleCategory(category: Category): Category {
  return {
    ...category,
    id: visibleControls(category.id),
    label: visibleControls(category.label),
    legalBasis: category.legalBasis.map(visibleControls),
    cues: category.cues.map(visibleControls),
    elements: category.elements.map((element) => ({
      id: visibleControls(element.id),
      label: visibleControls(element.label),
      ...(element.basis !== undefined ? { basis: visibleControls(element.basis) } : {}),
    })),
  };
}

/** `element ID: label (basis)` lines under the label column, each wrapped to the table's width. */
function elementLines(category: Category, indent: number, paint: Paint): string {
  if (category.elements.length === 0) return `${' '.repeat(indent)}${paint('dim', 'elements: (none)')}\n`;
  return category.elements.map((element) => {
    const words = `${element.label}${element.basis ? ` (${element.basis})` : ''}`.split(' ');
    const lines = wrapTokens(words, ' ', TABLE_WIDTH - indent - 2);
    return `${' '.repeat(indent)}${paint('cyan', element.id)}\n${lines.map((line) => `${' '.repeat(indent + 2)}${paint('dim', line)}\n`).join('')}`;
  }).join('');
}

/** `cues: a, b, c` under the label column, wrapped to the table's width. */
function cueLines(cues: readonly string[], indent: number, paint: Paint): string {
  const lines = cues.length === 0 ? ['(none)'] : wrapTokens(cues, ', ', TABLE_WIDTH - indent - CUES_PREFIX.length);
  return lines.map((text, i) => `${' '.repeat(indent)}${paint('dim', `${i === 0 ? CUES_PREFIX : ' '.repeat(CUES_PREFIX.length)}${text}`)}\n`).join('');
}

/** `tokens` joined by `separator` into lines of at most `width` code points (a longer token gets a line of its own). */
function wrapTokens(tokens: readonly string[], separator: string, width: number): string[] {
  const lines: string[] = [];
  // Room for the separator's mark (a comma) that ends a line when more tokens follow.
  const mark = separator.trimEnd();
  let current = '';
  for (const token of tokens) {
    const longer = current === '' ? token : `${current}${separator}${token}`;
    if (current !== '' && codePointLength(longer) + mark.length > width) {
      lines.push(`${current}${mark}`);
      current = token;
    } else {
      current = longer;
    }
  }
  lines.push(current);
  return lines;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - codePointLength(text)));
}
