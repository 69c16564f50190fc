/**
 * Hovers on a source: on a tag, its category, legal basis, note, author, status and dates; on a
 * state, its name and ISO code; on a date, its normalised value and precision; on a term, its
 * label, sub-kind and definition. Several items under the mouse (overlapping tags, a state inside
 * a term) share one hover, tags first.
 *
 * The scan behind entity hovers runs lazily on the first hover of a document version and is kept
 * until the version changes: hovering costs nothing while the user types.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core/sidecar/model';
import { scan } from '../core/scanner/scan';
import type { Entity } from '../core/scanner/types';
import type { GlossaryTerm } from '../core/lexicon/types';
import { OffsetConverter } from '../core/text/positions';
import type { AnnotationStore } from './annotationStore';
import { citationsOfTag } from '../core/incidents/incident-coverage';
import { dateHover, stateHover, tagHover, tagIncidentsHover, termHover } from './hoverText';
import { citedPathOf, type IncidentsService, type LoadedIncidents } from './incidentsService';
import type { SourceFiles } from './sources';
import type { WorkspaceConfigService } from './workspaceConfig';

/** An entity with its offsets in UTF-16 code units of the document (`from`, `to`). */
interface LocatedEntity {
  entity: Entity;
  from: number;
  to: number;
}

interface ScanResult {
  version: number;
  /** Sorted by `from`. */
  entities: LocatedEntity[];
  terms: ReadonlyMap<string, GlossaryTerm>;
}

export class SourceHovers implements vscode.HoverProvider, vscode.Disposable {
  private readonly cache = new Map<string, ScanResult>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly store: AnnotationStore, private readonly configs: WorkspaceConfigService, private readonly sources: Pick<SourceFiles, 'isSource'>, private readonly incidents?: IncidentsService) {
    this.disposables = [
      // Dropped as soon as the version changes: a 1 MB source's entities are not kept for a stale text.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.cache.delete(event.document.uri.toString());
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString())),
      configs.onDidChange(() => this.cache.clear()),
    ];
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.cache.clear();
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!(await this.isSource(document)) || token.isCancellationRequested) return undefined;
    const offset = document.offsetAt(position);
    const sections: string[] = [];
    const ranges: Array<{ from: number; to: number }> = [];

    const state = this.store.get(document.uri);
    const { config } = await this.configs.forFile(document.uri);
    const incidents = await this.incidents?.forFile(document.uri);
    if (token.isCancellationRequested) return undefined;
    const categories = new Map(config.taxonomy.categories.map((c) => [c.id, c]));
    // The store's ranges refer to its last seen version; a hover for another one would point at other text.
    if (state && state.version === document.version) {
      for (const entry of state.entries) {
        if (entry.kind !== 'annotation' || !entry.range || !(entry.range.start <= offset && offset < entry.range.end)) continue;
        const annotation = entry.entry as Annotation;
        const inIncidents = incidents && incidentsOfTag(incidents, document.uri, annotation.id);
        sections.push(tagHover(annotation, categories.get(annotation.category), entry.anchor) + (inIncidents ? `\n\n${inIncidents}` : ''));
        ranges.push({ from: entry.range.start, to: entry.range.end });
      }
    }

    const scanned = await this.scanResult(document, token);
    if (!scanned || token.isCancellationRequested) return undefined;
    for (const located of scanned.entities) {
      if (located.from > offset) break;
      if (offset >= located.to) continue;
      const { entity } = located;
      if (entity.kind === 'state') sections.push(stateHover(entity));
      else if (entity.kind === 'date') sections.push(dateHover(entity));
      else sections.push(termHover(entity, scanned.terms.get(entity.id)));
      ranges.push(located);
    }

    if (sections.length === 0) return undefined;
    const markdown = new vscode.MarkdownString(sections.join('\n\n---\n\n'), true);
    // All ranges hold the position: their intersection is where this very hover stays valid.
    const from = Math.max(...ranges.map((r) => r.from));
    const to = Math.min(...ranges.map((r) => r.to));
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(from), document.positionAt(to)));
  }

  /** As SourceFiles decides: a file the user toggled out of the sources gets no hovers. */
  private isSource(document: vscode.TextDocument): Promise<boolean> {
    return this.sources.isSource(document);
  }

  /** Entities of the document's current version: scanned on the first hover, then from the cache. */
  private async scanResult(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<ScanResult | undefined> {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached?.version === document.version) return cached;
    const { config, lexicon } = await this.configs.forFile(document.uri);
    if (token.isCancellationRequested) return undefined;
    // Text and version read in the same tick: the result belongs to exactly this version.
    const version = document.version;
    const text = document.getText();
    const entities = scan(text, { lexicon, dayFirstSlashes: config.dayFirstSlashes });
    const converter = new OffsetConverter(text);
    const located = entities.map((entity) => converter.hasAstral
      ? { entity, from: converter.toUtf16(entity.start), to: converter.toUtf16(entity.end) }
      : { entity, from: entity.start, to: entity.end });
    const result: ScanResult = { version, entities: located, terms: new Map(lexicon.terms.map((t) => [t.id, t])) };
    this.cache.set(key, result);
    return result;
  }
}

/** The incidents citing the tag and the elements it goes to (labels from the taxonomy); undefined when none cites it. */
function incidentsOfTag(file: LoadedIncidents, uri: vscode.Uri, id: string): string | undefined {
  const source = citedPathOf(file.config, uri);
  if (!file.doc?.file || source === undefined) return undefined;
  const labels = new Map(file.config.taxonomy.categories.flatMap((c) => c.elements.map((e) => [e.id, e.label] as const)));
  const links = citationsOfTag(file.doc.file.incidents, source, id).map(({ incident, evidence }) => ({
    id: incident.id, title: incident.title, elements: (evidence.elements ?? []).map((e) => labels.get(e) ?? e),
  }));
  return links.length > 0 ? tagIncidentsHover(links) : undefined;
}
