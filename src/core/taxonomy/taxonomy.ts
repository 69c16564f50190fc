/**
 * Violation categories: the default taxonomy and how a workspace's config changes it.
 *
 * A workspace either `extend`s the default (adds categories; for an existing id, adds cues and
 * overrides any other field it gives) or `replace`s it (its categories are the whole taxonomy).
 * The shapes below mirror `schemas/taxonomy.schema.json`; validate against the schema first,
 * `resolveTaxonomy` only fills gaps the schema cannot see (a new category without a colour).
 */
import { DEFAULT_CATEGORIES } from './default-taxonomy';

/**
 * One legal element of the crime a category names: a fact the evidence of an incident must
 * establish (ICC Elements of Crimes), e.g. "the victims were protected persons".
 */
export interface CrimeElement {
  /** Kebab-case id that incidents' evidence names, e.g. `torture-severe-pain`. */
  id: string;
  label: string;
  /** Where the element comes from, e.g. `EoC art. 8(2)(a)(ii)-1, element 1`. */
  basis?: string;
}

export interface Category {
  /** Stable kebab-case id stored in sidecars, e.g. `wilful-killing`. */
  id: string;
  label: string;
  description: string;
  /** Articles that make it a violation, e.g. `GC III 130`, `RS 8(2)(a)(ii)`. */
  legalBasis: string[];
  /** Words and phrases that suggest the category in a sentence (matched case-insensitively). */
  cues: string[];
  /** `#rrggbb`, readable on dark and light themes. */
  color: string;
  /** The legal elements of the crime, in the order the Elements of Crimes lists them; may be empty. */
  elements: CrimeElement[];
}

export interface Taxonomy {
  readonly categories: readonly Category[];
}

export type TaxonomyMode = 'extend' | 'replace';

/** One category as a config gives it: only `id` is required; in `extend` mode its `cues` are added. */
export interface CategoryConfig {
  id: string;
  label?: string;
  description?: string;
  legalBasis?: string[];
  cues?: string[];
  color?: string;
  /** Replaces the category's elements (in both modes). */
  elements?: CrimeElement[];
}

/** The `taxonomy` section of `.legal-annotator.yaml`, or a taxonomy file. */
export interface TaxonomyConfig {
  /** Default `extend`. */
  mode?: TaxonomyMode;
  categories?: CategoryConfig[];
}

export const DEFAULT_TAXONOMY: Taxonomy = { categories: DEFAULT_CATEGORIES };

/** Colours for categories a config adds without one; distinct from the default palette. */
const FALLBACK_COLORS = ['#8e7cc3', '#4fa3a5', '#c27c0e', '#7a8b99', '#b5651d', '#5b8c5a', '#a05195', '#3d85c6'];

/** The taxonomy a workspace works with. Later entries with the same id win over earlier ones. */
export function resolveTaxonomy(config?: TaxonomyConfig, base: Taxonomy = DEFAULT_TAXONOMY): Taxonomy {
  const mode = config?.mode ?? 'extend';
  const byId = new Map<string, Category>();
  if (mode === 'extend') for (const category of base.categories) byId.set(category.id, copyCategory(category));
  let fallback = 0;
  for (const given of config?.categories ?? []) {
    const existing = byId.get(given.id);
    if (existing) {
      byId.set(given.id, mergeCategory(existing, given, mode));
      continue;
    }
    byId.set(given.id, {
      id: given.id,
      label: given.label ?? given.id,
      description: given.description ?? '',
      legalBasis: [...(given.legalBasis ?? [])],
      cues: uniqueCues(given.cues ?? []),
      color: given.color ?? FALLBACK_COLORS[fallback++ % FALLBACK_COLORS.length],
      elements: copyElements(given.elements ?? []),
    });
  }
  return { categories: [...byId.values()] };
}

export function findCategory(taxonomy: Taxonomy, id: string): Category | undefined {
  return taxonomy.categories.find((category) => category.id === id);
}

function mergeCategory(existing: Category, given: CategoryConfig, mode: TaxonomyMode): Category {
  return {
    id: existing.id,
    label: given.label ?? existing.label,
    description: given.description ?? existing.description,
    legalBasis: given.legalBasis ? [...given.legalBasis] : existing.legalBasis,
    // Extending a category means teaching it more cues, not forgetting the default ones.
    cues: given.cues ? uniqueCues(mode === 'extend' ? [...existing.cues, ...given.cues] : given.cues) : existing.cues,
    color: given.color ?? existing.color,
    elements: given.elements ? copyElements(given.elements) : existing.elements,
  };
}

function copyCategory(category: Category): Category {
  return { ...category, legalBasis: [...category.legalBasis], cues: [...category.cues], elements: copyElements(category.elements) };
}

function copyElements(elements: readonly CrimeElement[]): CrimeElement[] {
  return elements.map((element) => ({ ...element }));
}

/** The element `id` among `category`'s elements. */
export function findElement(category: Category, id: string): CrimeElement | undefined {
  return category.elements.find((element) => element.id === id);
}

/** Drops repeated cues (case-insensitively), keeping the first spelling. */
function uniqueCues(cues: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const cue of cues) {
    const key = cue.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(cue.trim());
  }
  return result;
}
