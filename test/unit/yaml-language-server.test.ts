/**
 * Runs Red Hat's YAML language server (the engine of the YAML extension our `yamlValidation`
 * contribution plugs into) on sidecars and configs with our schemas, and checks that it flags
 * the entries our own validation flags, on the same lines: the editor's YAML squiggles and the
 * CLI's `check` must not disagree. Schemas are served from disk; any other URL fails the test.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type LanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import { validateYamlText, type SchemaName } from '../../src/core/sidecar/schema-validation';

const SCHEMAS = join(__dirname, '..', '..', 'schemas');
const schemaUri = (file: string) => pathToFileURL(join(SCHEMAS, file)).href;

const SIDECAR = `# planted errors, one per line marked with <-
version: 1
source: report.txt
sourceHash: sha256:0000000000000000000000000000000000000000000000000000000000000000
annotations:
  - id: a1
    category: Wilful_Killing          # <- not kebab-case
    target:
      start: -1                       # <- negative
      end: 4
      exact: "shot"
      prefix: ""
      suffix: " dead"
  - id: a2
    category: torture
    colour: red                       # <- unknown property
    target: { start: 0, end: 4, exact: "shot", prefix: "", suffix: "" }
    status: approved                  # <- not a status
dismissed: []
`;

const CONFIG = `version: 1
sources: ["**/*.txt"]
taxonomy:
  mode: extend
  categories:
    - id: pillage
      label: Pillage
      color: red                      # <- not #rrggbb
dates:
  slashes: year-first                 # <- not a choice
`;

function plantedLines(text: string): number[] {
  return text.split('\n').flatMap((line, index) => (line.includes('# <-') ? [index + 1] : []));
}

describe('Red Hat YAML language server with our schemas', function () {
  this.timeout(30000);
  let service: LanguageService;
  const requested: string[] = [];

  before(() => {
    service = getLanguageService({
      schemaRequestService: async (uri) => {
        requested.push(uri);
        if (!uri.startsWith('file://')) throw new Error(`schema fetched from the network: ${uri}`);
        return readFileSync(new URL(uri), 'utf8');
      },
      workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
    });
    service.configure({
      validate: true,
      hover: true,
      completion: true,
      schemas: [
        { fileMatch: ['*.ann.yaml'], uri: schemaUri('sidecar.schema.json') },
        { fileMatch: ['.legal-annotator.yaml'], uri: schemaUri('config.schema.json') },
      ],
    });
  });

  async function compare(text: string, uri: string, schema: SchemaName): Promise<void> {
    const diagnostics = await service.doValidation(TextDocument.create(uri, 'yaml', 1, text), false);
    const serverLines = [...new Set(diagnostics.map((d) => d.range.start.line + 1))].sort((a, b) => a - b);
    const ourLines = [...new Set(validateYamlText(text, schema).problems.map((p) => p.line))].sort((a, b) => a - b);
    assert.deepEqual(ourLines, plantedLines(text), 'our validation flags exactly the planted lines');
    assert.deepEqual(serverLines, plantedLines(text), `the YAML server flags the planted lines: ${JSON.stringify(diagnostics.map((d) => [d.range.start.line + 1, d.message]))}`);
  }

  it('flags the planted errors of a sidecar on the lines our validation reports', async () => {
    await compare(SIDECAR, 'file:///workspace/report.txt.ann.yaml', 'sidecar');
  });

  it('flags the planted errors of a config, through the $ref to the taxonomy schema', async () => {
    await compare(CONFIG, 'file:///workspace/.legal-annotator.yaml', 'config');
    assert.ok(requested.some((uri) => uri.endsWith('/taxonomy.schema.json')), `taxonomy schema requested: ${requested.join(', ')}`);
  });

  it('accepts the sample workspace config', async () => {
    const text = readFileSync(join(__dirname, '..', '..', 'samples', '.legal-annotator.yaml'), 'utf8');
    const diagnostics = await service.doValidation(TextDocument.create('file:///sample/.legal-annotator.yaml', 'yaml', 1, text), false);
    assert.deepEqual(diagnostics.map((d) => d.message), []);
  });

  it('shows our descriptions as hover text', async () => {
    const document = TextDocument.create('file:///workspace/report.txt.ann.yaml', 'yaml', 1, SIDECAR);
    const hover = await service.doHover(document, { line: 3, character: 3 });
    const contents = JSON.stringify(hover?.contents ?? '');
    assert.match(contents, /SHA-256/);
  });
});
