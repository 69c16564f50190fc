/**
 * The workspace configuration (`.legal-annotator.yaml`) resolved into what the editor and the
 * CLI work with. Pure: the file is read and validated elsewhere (load-config.ts); this module
 * only turns a validated value into settings and fills in the defaults.
 */
import type { LexiconExtensions } from '../lexicon/lexicon';
import type { GlossaryTerm, StateAliasEntry, TermKind } from '../lexicon/types';
import { DEFAULT_TAXONOMY, resolveTaxonomy, type Taxonomy, type TaxonomyConfig } from '../taxonomy/taxonomy';
import type { Severity } from '../problems/problem';
import { join } from 'node:path';

export const CONFIG_FILE_NAME = '.legal-annotator.yaml';

/** Sources when a workspace has no config or its config lists none: plain text and Markdown. */
export const DEFAULT_SOURCES: readonly string[] = ['**/*.txt', '**/*.md'];

/** The incidents file when the config names none, relative to the workspace root. */
export const DEFAULT_INCIDENTS_PATH = 'incidents.yaml';

/** Sources (globs relative to the root) that share one origin, for counting independent sources. */
export interface OriginRule {
  origin: string;
  sources: string[];
}

export interface ClaimSettings {
  enabled: boolean;
  severity: Severity;
}

export interface WorkspaceConfig {
  /** Absolute folder the `sources` globs and the taxonomy path are relative to: the config's folder. */
  root: string;
  /** Absolute path of `.legal-annotator.yaml`; undefined when the workspace has none. */
  configPath?: string;
  /** Globs relative to `root`. */
  sources: string[];
  taxonomy: Taxonomy;
  lexiconExtensions: LexiconExtensions;
  /** How to read `03/04/2022`: true (default) is 3 April. */
  dayFirstSlashes: boolean;
  claims: ClaimSettings;
  /** Absolute path of the incidents file (it may not exist). */
  incidentsPath: string;
  /** The config's `origins`, in order: the first rule matching a source names its origin. */
  origins: OriginRule[];
}

/** The config file's content as the schema allows it (after validation). */
export interface ConfigFileValue {
  version?: number;
  sources?: string[];
  taxonomy?: string | TaxonomyConfig;
  glossary?: { id: string; kind: TermKind; label: string; definition?: string; variants: string[]; properName?: boolean }[];
  stateAliases?: StateAliasEntry[];
  claims?: { enabled?: boolean; severity?: Severity };
  dates?: { slashes?: 'day-first' | 'month-first' };
  incidents?: string;
  origins?: OriginRule[];
}

export function defaultWorkspaceConfig(root: string): WorkspaceConfig {
  return {
    root,
    sources: [...DEFAULT_SOURCES],
    taxonomy: DEFAULT_TAXONOMY,
    lexiconExtensions: {},
    dayFirstSlashes: true,
    claims: { enabled: true, severity: 'warning' },
    incidentsPath: join(root, DEFAULT_INCIDENTS_PATH),
    origins: [],
  };
}

/**
 * Settings from a validated config value. `taxonomyFile` is the content of the file a string
 * `taxonomy` names, when it was read and valid; otherwise (or when `value` is undefined because
 * the file had errors) the defaults stand in, so one typo does not stop the whole check.
 */
export function resolveWorkspaceConfig(root: string, configPath: string, value: ConfigFileValue | undefined, taxonomyFile?: TaxonomyConfig): WorkspaceConfig {
  const config = { ...defaultWorkspaceConfig(root), configPath };
  if (!value) return config;
  const taxonomy = typeof value.taxonomy === 'string' ? taxonomyFile : value.taxonomy;
  const terms: GlossaryTerm[] = (value.glossary ?? []).map((term) => ({
    id: term.id,
    kind: term.kind,
    label: term.label,
    definition: term.definition ?? '',
    variants: [...term.variants],
    properName: term.properName ?? false,
  }));
  return {
    ...config,
    sources: value.sources && value.sources.length > 0 ? [...value.sources] : config.sources,
    taxonomy: taxonomy ? resolveTaxonomy(taxonomy) : DEFAULT_TAXONOMY,
    lexiconExtensions: { terms, stateAliases: value.stateAliases ?? [] },
    dayFirstSlashes: value.dates?.slashes !== 'month-first',
    claims: { enabled: value.claims?.enabled ?? true, severity: value.claims?.severity ?? 'warning' },
    incidentsPath: join(root, value.incidents ?? DEFAULT_INCIDENTS_PATH),
    origins: (value.origins ?? []).map((rule) => ({ origin: rule.origin, sources: [...rule.sources] })),
  };
}
