/**
 * Incidents from a tag (Ctrl+. on a tagged passage): "Add to incident…" picks an incident of the
 * incidents file, or creates one (id, title, date, place; the tag's category), then the elements
 * the tag is evidence of; "Evidence of element…" sets the elements of an incident that already
 * cites the tag. One write each, through the core (editIncidentsFile, linkTag) and, when the
 * incidents file is open, through its editor (incidentsWriter.ts): Ctrl+Z there, or "Undo last
 * annotation change", reverts it. Commands take explicit arguments for scripts and tests.
 */
import * as vscode from 'vscode';
import { citationsOfTag } from '../core/incidents/incident-coverage';
import { linkTag } from '../core/incidents/link-tag';
import { formatIncidentDate, type Incident } from '../core/incidents/model';
import type { Annotation } from '../core/sidecar/model';
import type { CrimeElement, Taxonomy } from '../core/taxonomy/taxonomy';
import type { AnnotationStore } from './annotationStore';
import { TAG_ACTION_KIND, tagsAtRange } from './codeActions';
import { COMMANDS } from './constants';
import { citedPathOf, type IncidentsService, type LoadedIncidents } from './incidentsService';
import { editIncidents } from './incidentsWriter';
import type { Log } from './log';
import type { SourceFiles } from './sources';
import type { TagRef } from './tagCommands';

export const INCIDENT_ACTION_KIND = TAG_ACTION_KIND.append('incident');

/** What the commands may be given instead of asking (scripts, tests). */
export interface IncidentLinkArgs extends TagRef {
  /** An existing incident's id. */
  incident?: string;
  /** A new incident (its categories default to the tag's category). */
  newIncident?: Pick<Incident, 'id' | 'title' | 'date' | 'place'> & Partial<Pick<Incident, 'categories'>>;
  elements?: string[];
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DAY = '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?';
const DATE_PATTERN = new RegExp(`^${DAY}(/${DAY})?$`);

export class IncidentCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [INCIDENT_ACTION_KIND] };

  constructor(private readonly store: AnnotationStore, private readonly incidents: IncidentsService, private readonly sources: Pick<SourceFiles, 'isSource'>) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
    const tags = tagsAtRange(this.store, document, range);
    if (tags.length === 0 || !(await this.sources.isSource(document))) return [];
    const file = await this.incidents.forFile(document.uri);
    const source = file && citedPathOf(file.config, document.uri);
    return tags.flatMap(({ ref, annotation }) => {
      const make = (title: string, command: string) => {
        const action = new vscode.CodeAction(title, INCIDENT_ACTION_KIND);
        action.command = { command, title, arguments: [ref] };
        return action;
      };
      const cited = source !== undefined && citationsOfTag(file?.doc?.file?.incidents ?? [], source, ref.id).length > 0;
      const actions = [make(`Add tag "${annotation.category}" to incident…`, COMMANDS.addToIncident)];
      if (cited) actions.push(make(`Evidence of element… (tag "${annotation.category}")`, COMMANDS.evidenceOfElement));
      return actions;
    });
  }
}

export function registerIncidentActions(context: vscode.ExtensionContext, store: AnnotationStore, incidents: IncidentsService, sources: SourceFiles, log: Log): void {
  const run = (title: string, work: (args?: IncidentLinkArgs) => Promise<void>) => async (args?: IncidentLinkArgs) => {
    try {
      await work(args ?? (await activeTag(store)));
    } catch (error) {
      log.error(`${title} failed`, error);
      void vscode.window.showErrorMessage(`Legal Annotator: ${title} failed: ${(error as Error).message}`);
    }
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.addToIncident, run('Add to incident', (args) => addToIncident(args, store, incidents, log))),
    vscode.commands.registerCommand(COMMANDS.evidenceOfElement, run('Evidence of element', (args) => evidenceOfElement(args, store, incidents, log))),
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }], new IncidentCodeActions(store, incidents, sources), IncidentCodeActions.metadata),
  );
}

/** The tag, its source path as evidence cites it, and the incidents file that applies to it. */
interface TagContext {
  annotation: Annotation;
  source: string;
  file: LoadedIncidents;
}

async function tagContext(args: TagRef, store: AnnotationStore, incidents: IncidentsService): Promise<TagContext> {
  const uri = vscode.Uri.parse(args.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  if (!store.get(uri)) await store.load(document);
  const annotation = store.get(uri)?.entries.find((e) => e.kind === 'annotation' && e.id === args.id)?.entry as Annotation | undefined;
  if (!annotation) throw new Error(`${vscode.workspace.asRelativePath(uri)} has no tag ${args.id}`);
  const file = await incidents.forFile(uri);
  if (!file) throw new Error(`no incidents file applies to ${vscode.workspace.asRelativePath(uri)}`);
  const source = citedPathOf(file.config, uri);
  if (source === undefined) throw new Error(`${uri.fsPath} is outside the workspace root ${file.config.root}, so an incident cannot cite it`);
  if (file.doc && !file.doc.writable) throw new Error(`${vscode.workspace.asRelativePath(file.uri)} has errors (see the Problems panel); fix them first`);
  return { annotation, source, file };
}

async function addToIncident(args: IncidentLinkArgs | undefined, store: AnnotationStore, incidents: IncidentsService, log: Log): Promise<void> {
  if (!args) return;
  const tag = await tagContext(args, store, incidents);
  const existing = tag.file.doc?.file?.incidents ?? [];
  const chosen = args.newIncident
    ? { ...args.newIncident, categories: args.newIncident.categories ?? [tag.annotation.category] }
    : (args.incident ?? (await pickIncident(existing, tag)));
  if (chosen === undefined) return;
  const incident = typeof chosen === 'string' ? existing.find((i) => i.id === chosen) : chosen;
  if (!incident) throw new Error(`the incidents file has no incident "${String(chosen)}"`);
  const cited = citationsOfTag([incident], tag.source, tag.annotation.id)[0]?.evidence.elements ?? [];
  const elements = args.elements ?? (await pickElements(incident, tag.file.config.taxonomy, cited));
  if (!elements) return;
  await link(tag, typeof chosen === 'string' ? chosen : incident, elements, `Add tag ${tag.annotation.id} to incident ${incident.id}`, store, incidents, log);
}

async function evidenceOfElement(args: IncidentLinkArgs | undefined, store: AnnotationStore, incidents: IncidentsService, log: Log): Promise<void> {
  if (!args) return;
  const tag = await tagContext(args, store, incidents);
  const citations = citationsOfTag(tag.file.doc?.file?.incidents ?? [], tag.source, tag.annotation.id);
  if (citations.length === 0 && !args.incident) return addToIncident(args, store, incidents, log);
  const citation = args.incident
    ? citations.find((c) => c.incident.id === args.incident)
    : citations.length === 1 ? citations[0] : await pickCitingIncident(citations.map((c) => c.incident)).then((id) => citations.find((c) => c.incident.id === id));
  if (!citation) {
    if (args.incident) throw new Error(`incident "${args.incident}" does not cite tag ${tag.annotation.id}; add it to the incident first`);
    return;
  }
  const elements = args.elements ?? (await pickElements(citation.incident, tag.file.config.taxonomy, citation.evidence.elements ?? []));
  if (!elements) return;
  await link(tag, citation.incident.id, elements, `Evidence of ${elements.length} ${elements.length === 1 ? 'element' : 'elements'} in incident ${citation.incident.id}`, store, incidents, log);
}

async function link(tag: TagContext, incident: string | Incident, elements: string[], label: string, store: AnnotationStore, incidents: IncidentsService, log: Log): Promise<void> {
  await editIncidents(tag.file.path, label, (doc) => linkTag(doc, { source: tag.source, annotation: tag.annotation.id, incident, elements }), store, log);
  await incidents.reload();
}

type IncidentItem = vscode.QuickPickItem & { incident?: Incident };

/** An existing incident (its id) or a new one; undefined when dismissed. */
async function pickIncident(incidents: readonly Incident[], tag: TagContext): Promise<string | Incident | undefined> {
  const items: IncidentItem[] = [
    { label: '$(add) New incident…', description: `of ${tag.annotation.category}`, alwaysShow: true },
    ...incidents.map((incident): IncidentItem => ({
      label: incident.title,
      description: [incident.id, formatIncidentDate(incident.date), incident.place].filter(Boolean).join(' · '),
      detail: `${incident.categories.join(', ')}${citationsOfTag([incident], tag.source, tag.annotation.id).length > 0 ? ' · already cites this tag' : ''}`,
      incident,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Add tag ${tag.annotation.id} to incident`, placeHolder: 'An incident of the incidents file, or a new one', matchOnDescription: true });
  if (!picked) return undefined;
  return picked.incident?.id ?? askNewIncident(incidents, tag.annotation.category);
}

async function pickCitingIncident(incidents: readonly Incident[]): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(incidents.map((incident) => ({ label: incident.title, description: incident.id, id: incident.id })), { title: 'Evidence of element: which incident?' });
  return picked?.id;
}

/** Asks id, title, date and place; undefined when any required answer is dismissed. */
async function askNewIncident(incidents: readonly Incident[], category: string): Promise<Incident | undefined> {
  const taken = new Set(incidents.map((i) => i.id));
  const id = await vscode.window.showInputBox({
    title: 'New incident (1/4): id', prompt: 'A stable kebab-case id, e.g. olenivka-2022-07', ignoreFocusOut: true,
    validateInput: (value) => (!ID_PATTERN.test(value) ? 'lower-case letters and digits, words joined by "-"' : taken.has(value) ? `incident "${value}" exists already` : undefined),
  });
  if (!id) return undefined;
  const title = await vscode.window.showInputBox({ title: 'New incident (2/4): title', prompt: 'What happened, in a few words', ignoreFocusOut: true, validateInput: (value) => (value.trim() === '' ? 'a title is required' : undefined) });
  if (!title) return undefined;
  const date = await vscode.window.showInputBox({
    title: 'New incident (3/4): date', prompt: 'YYYY-MM-DD, YYYY-MM or YYYY, or a range FROM/TO; empty if unknown', ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' || DATE_PATTERN.test(value.trim()) ? undefined : 'e.g. 2022-07-29, 2022-07, or 2022-03/2022-09'),
  });
  if (date === undefined) return undefined;
  const place = await vscode.window.showInputBox({ title: 'New incident (4/4): place', prompt: 'Where it happened; empty if unknown', ignoreFocusOut: true });
  if (place === undefined) return undefined;
  return { id, title: title.trim(), ...incidentDate(date.trim()), ...(place.trim() ? { place: place.trim() } : {}), categories: [category] };
}

function incidentDate(value: string): Pick<Incident, 'date'> {
  if (value === '') return {};
  const [from, to] = value.split('/');
  return { date: to === undefined ? from : { from, to } };
}

/** The elements of the incident's categories (those it selects, when it does), those already cited picked; undefined when dismissed. */
async function pickElements(incident: Incident, taxonomy: Taxonomy, cited: readonly string[]): Promise<string[] | undefined> {
  type ElementItem = vscode.QuickPickItem & { element: CrimeElement };
  const items: ElementItem[] = taxonomy.categories
    .filter((category) => incident.categories.includes(category.id))
    .flatMap((category) => category.elements.filter((element) => !incident.elements || incident.elements.includes(element.id)).map((element) => ({ label: element.label, description: element.basis, detail: `${category.label} · ${element.id}`, picked: cited.includes(element.id), element })));
  const seen = new Set<string>();
  const unique = items.filter((item) => !seen.has(item.element.id) && seen.add(item.element.id));
  if (unique.length === 0) return [];
  const picked = await vscode.window.showQuickPick(unique, {
    title: `Evidence of which elements of "${incident.title}"?`, placeHolder: 'Check the elements this passage goes to (none: the incident as a whole), then Enter', canPickMany: true, matchOnDetail: true, ignoreFocusOut: true,
  });
  return picked?.map((item) => item.element.id);
}

/** The tag under the active editor's cursor, for the commands run from the palette. */
async function activeTag(store: AnnotationStore): Promise<TagRef | undefined> {
  const editor = vscode.window.activeTextEditor;
  const tag = editor && tagsAtRange(store, editor.document, editor.selection)[0];
  if (!tag) void vscode.window.showInformationMessage('Legal Annotator: put the cursor on a tagged passage first.');
  return tag?.ref;
}
