import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { reviewClaimSections, reviewSourceSections } from '../../core/claims';
import { configForFile, workspaceConfigResolver } from '../../core/workspace/config-resolver';
import type { Claim, ReviewedClaim } from '../../core/claims/types';
import { scanEntities } from '../../core/scanner/scan';
import type { Entity } from '../../core/scanner/types';
import type { WorkspaceConfig } from '../../core/workspace/workspace-config';
import { decodeSourceText } from '../../core/text/decode';
import { readSourceFile } from '../files';
import { CliError, EXIT, printNote, type CliContext, type CliOutput } from '../output';
import { painter } from '../colour';
import { OutputChunks } from '../output-chunks';
import { printJsonClaims, printJsonEnd, printJsonEntities, TextPrinter } from './scan-print';
import { ClaimsWorker, CLAIMS_WORKER_MIN_BYTES, unpackedSections, type PendingClaims } from './scan-claims-worker';
import { expandSourcePaths, STDIN_NAME, type SourceInput } from '../source-paths';
import { parseCommandArgs, unknownChoice } from '../args';

export const SCAN_HELP = `Usage: legal-annotator scan PATH... [--format json|text] [--month-first-slashes] [--verbose]

Finds states, dates and legal terms in each source (UTF-8 text) and prints them. PATH is
a file; a folder (the files its .legal-annotator.yaml's sources globs match, else every
*.txt and *.md, skipping node_modules and .git); a glob, quoted so that the shell leaves
it alone ('reports/**/*.txt'); or - for standard input, printed as <stdin> (its claims are
checked against no sidecar; the config is the current folder's).

Options:
  --format json|text       json (default): one JSON array, per file
                           { "file", "entities": [...], "claims": [...] };
                           text: one line per entity, path:line:column: kind text -> value,
                           and per claim, path:line:column: claim [confidence] categories
                           (tagged|dismissed|untagged): text
  --month-first-slashes    read 03/04/2022 as March 4 (default: 3 April)
  --verbose                say on stderr, per file, which thread detected its claims (a
                           large source's are detected in a second thread while the
                           entities are printed) and why not the second one
  -h, --help               show this help

Offsets (start, end) count Unicode code points, end exclusive; text lines show
1-based line and column (code points).
Exit: 0 all files scanned; 1 some files skipped (not UTF-8 text, reported on
stderr); 2 could not run (bad usage, missing file, a folder without sources, a glob
that matches nothing). Output into a closed pipe (| head) stops the scan quietly.
`;

/** A claim as `scan --format json` prints it: the brief's fields first, details after. */
export interface ScanClaim {
  start: number;
  end: number;
  text: string;
  /** Suggested category ids, best first. */
  categories: string[];
  /** A tag of the sidecar overlaps it. */
  tagged: boolean;
  /** A dismissal ("not a claim") of the sidecar overlaps it. */
  dismissed: boolean;
  confidence: 'high' | 'low';
  reason?: string;
  /** Per category, the cues that fired and the score that ranked it. */
  suggestions: { id: string; cues: string[]; score: number }[];
  cues: ReviewedClaim['cues'];
  reporting: string[];
  /** Ids of the tags overlapping it. */
  tags: string[];
}

export interface ScanFileResult {
  file: string;
  entities: Entity[];
  /** Sentences reporting a violation, matched against the file's sidecar; empty when the config disables claims. */
  claims: ScanClaim[];
}

/** How far past what is live the heap may grow before a full collection, in percent, once a large source is read. */
const HEAP_GROWING_PERCENT = 10;

/**
 * A large source's text is most of the heap, and V8 lets the heap grow by a share of what is live
 * before it collects in full: the claims' garbage then took a 200 MB source's peak past 3x its
 * size now and then. A tenth bounds that, for a few more full collections (V8 reads the factor at
 * each one). Only for such a source: on a small heap the low factor made the peak swing instead.
 */
function boundHeapGrowthFor(text: string): void {
  if (text.length >= CLAIMS_WORKER_MIN_BYTES) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

export async function runScan(args: string[], output: CliOutput, context: CliContext = {}): Promise<number> {
  const { values, positionals } = parseCommandArgs('scan', args, {
    format: { type: 'string', default: 'json' },
    'month-first-slashes': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    output.out(SCAN_HELP);
    return EXIT.ok;
  }
  const format = values.format;
  if (format !== 'json' && format !== 'text') throw unknownChoice('--format', format, ['json', 'text']);
  if (positionals.length === 0) throw new CliError('no PATH given (see legal-annotator scan --help)');
  const configFor = configForFile(workspaceConfigResolver());
  // Every path first: a missing one stops the run before anything is printed, not halfway.
  const inputs = await expandSourcePaths(positionals, configFor);
  let skipped = 0;
  let printed = 0;
  const sink = new OutputChunks(output);
  const paint = painter(output.colour?.out);
  const claimsWorker = context.workerScript ? new ClaimsWorker(context.workerScript, context.workerExecArgv) : undefined;
  const workerMinBytes = context.claimsWorkerMinBytes ?? CLAIMS_WORKER_MIN_BYTES;
  const say = (text: string): void => {
    if (values.verbose) printNote(output, text);
  };
  try {
    // Each file's entities are printed as the scanner finds them, and the file let go before the next.
    for (const input of inputs) {
      if (output.closed) break;
      const file = input.shown;
      const read = input.kind === 'stdin' ? decodeSourceText(await readAll(context.stdin ?? process.stdin)) : await readSourceFile(file, { keepBytes: claimsWorker !== undefined });
      if (!read.ok) {
        await sink.flush();
        printNote(output, `${file}: skipped: ${read.reason}`);
        skipped++;
        continue;
      }
      const text = read.text;
      boundHeapGrowthFor(text);
      const config = await configOf(input, configFor);
      const inWorker = claimsInWorker(claimsWorker, workerMinBytes, input, 'bytes' in read ? read : {}, config);
      const entities = scanEntities(text, { dayFirstSlashes: !values['month-first-slashes'] });
      const printer = format === 'text' ? new TextPrinter(file, text, sink, paint) : undefined;
      if (printer) await printer.entities(entities);
      else await printJsonEntities(sink, file, printed, entities);
      if (output.closed) break;
      const detected = config.claims.enabled ? await workerClaims(inWorker, file, text, config, say) : undefined;
      const claims = scanClaims(await claimsOf(input, text, config, detected, output));
      if (printer) await printer.claims(claims);
      else await printJsonClaims(sink, claims);
      printed++;
      await sink.flush();
    }
  } finally {
    await claimsWorker?.close();
  }
  if (format === 'json') printJsonEnd(sink, printed);
  await sink.flush();
  return skipped > 0 ? EXIT.problems : EXIT.ok;
}

/**
 * Hands a large source's bytes to the worker thread, which detects its claims while this thread
 * prints the entities; the bytes are let go here either way (kept, they would stay in memory
 * beside the text all through the entities).
 */
function claimsInWorker(worker: ClaimsWorker | undefined, minBytes: number, input: SourceInput, read: { bytes?: Uint8Array; bytesStart?: number }, config: WorkspaceConfig): PendingClaims | undefined {
  const { bytes, bytesStart = 0 } = read;
  read.bytes = undefined;
  if (!worker || !bytes || input.kind !== 'file' || !config.claims.enabled || bytes.length < minBytes) return undefined;
  return worker.detect(input.path, bytes, bytesStart, config.taxonomy);
}

/** The config that applies to a source (standard input: the current folder's). */
function configOf(input: SourceInput, configFor: (path: string) => Promise<WorkspaceConfig>): Promise<WorkspaceConfig> {
  return configFor(input.kind === 'file' ? input.path : join(process.cwd(), STDIN_NAME));
}

/**
 * The claims the worker thread found in a source (`text`), a pack at a time, or undefined when
 * they are to be detected in this thread; `say` tells which (under --verbose).
 */
async function workerClaims(inWorker: PendingClaims | undefined, file: string, text: string, config: WorkspaceConfig, say: (text: string) => void): Promise<Iterable<Claim[]> | undefined> {
  const result = inWorker ? await inWorker.result(text, config.taxonomy) : { kind: 'in-thread' as const, reason: 'a small source or standard input' };
  if (result.kind === 'packed') {
    say(`${file}: claims detected in a worker thread`);
    return unpackedSections(text, result);
  }
  say(`${file}: claims detected in this thread: ${result.reason}`);
  return undefined;
}

/**
 * The claims of a source, matched against its sidecar (standard input has none), a section of
 * text at a time: a large source's claims are never all held. `detected`: found already (by the
 * worker thread), only marked here.
 */
async function claimsOf(input: SourceInput, text: string, config: WorkspaceConfig, detected: Iterable<Claim[]> | undefined, output: CliOutput): Promise<Iterable<readonly ReviewedClaim[]>> {
  const ignored = (reason: string) => printNote(output, `${input.shown}: ${reason}`);
  if (input.kind === 'file') return reviewSourceSections(input.shown, text, config, detected, ignored);
  return config.claims.enabled ? reviewClaimSections(text, undefined, { taxonomy: config.taxonomy }) : [];
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Each claim of each section, converted for printing as it is printed. */
function* scanClaims(sections: Iterable<readonly ReviewedClaim[]>): Generator<ScanClaim, void, undefined> {
  for (const section of sections) for (const claim of section) yield toScanClaim(claim);
}

function toScanClaim(claim: ReviewedClaim): ScanClaim {
  const { start, end, text, tagged, dismissed, confidence, reason, cues, reporting } = claim;
  const categories = claim.categories.map((category) => category.id);
  const suggestions = claim.categories;
  const tags = claim.tags.map((tag) => tag.id);
  // Two literals rather than a spread of the reason (slow, for hundreds of thousands of claims); JSON prints the keys in this order.
  return reason
    ? { start, end, text, categories, tagged, dismissed, confidence, reason, suggestions, cues, reporting, tags }
    : { start, end, text, categories, tagged, dismissed, confidence, suggestions, cues, reporting, tags };
}
