/**
 * IRIs for W3C Web Annotation exports. The model needs IRIs where a sidecar has file names and
 * short ids: a source is `file:///...` or, with a configured base, `<base><relative path>`
 * (a bare relative path is not an IRI); an annotation's id is a name-based UUID URN, stable for
 * the same workspace path and sidecar id on any machine, or, with a base,
 * `<base><path>.ann.yaml#<id>`, the sidecar entry it comes from.
 */
import { createHash, type Hash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Namespace of the name-based (version 5) UUIDs we mint, so they never collide with another tool's. */
export const LEGAL_ANNOTATOR_NAMESPACE = 'b6d0f6a4-3c1e-4f0e-9a57-2f4c8d1e7a90';

/** A base IRI as given by `--base` or the editor: absolute, ending in `/` (added when missing). */
export function normalizeBase(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`"${base}" is not an absolute IRI (give one like https://example.org/corpus/)`);
  }
  const text = url.href;
  return text.endsWith('/') || text.endsWith('#') ? text : `${text}/`;
}

/** `reports/a b.txt` -> `reports/a%20b.txt`: each segment percent-encoded, the slashes kept. */
export function encodePath(relativePath: string): string {
  return relativePath.split('/').map(encodeURIComponent).join('/');
}

export function sourceIri(absolutePath: string, relativePath: string, base?: string): string {
  return base ? `${base}${encodePath(relativePath)}` : pathToFileURL(absolutePath).href;
}

export function annotationIri(relativePath: string, id: string, base?: string): string {
  return base ? `${base}${encodePath(relativePath)}.ann.yaml#${encodeURIComponent(id)}` : `urn:uuid:${uuidOfDigest(hashWithPrefix(`${relativePath}#`).copy().update(id, 'utf8').digest())}`;
}

/** The SHA-1 state after the namespace and a path: hashed once per source, copied per annotation (exports run to 100,000). */
let lastPrefix: { prefix: string; hash: Hash } | undefined;
function hashWithPrefix(prefix: string): Hash {
  if (lastPrefix?.prefix !== prefix) lastPrefix = { prefix, hash: createHash('sha1').update(NAMESPACE_BYTES).update(prefix, 'utf8') };
  return lastPrefix.hash;
}

/** The collection's id: one per set of sources, the same each time they are exported together. */
export function collectionIri(relativePaths: readonly string[]): string {
  return `urn:uuid:${nameUuid(`collection:${[...relativePaths].sort().join('\n')}`)}`;
}

/** The sidecar id a `<base>...#<id>` annotation IRI names, if it has that shape. */
export function idFromFragment(iri: string): string | undefined {
  const hash = iri.lastIndexOf('#');
  if (hash < 0) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(iri.slice(hash + 1));
  } catch {
    return undefined;
  }
  return /^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(id) ? id : undefined;
}

/**
 * The file a source IRI names: `file:` IRIs as an absolute path, base-relative ones as a path
 * relative to the workspace root (percent-decoded, never climbing out); undefined otherwise.
 */
export function pathFromSourceIri(iri: string, base?: string): { absolute?: string; relative?: string } | undefined {
  if (iri.startsWith('file:')) {
    try {
      return { absolute: fileURLToPath(iri) };
    } catch {
      return undefined;
    }
  }
  if (base && iri.startsWith(base)) {
    try {
      const relative = iri.slice(base.length).split('/').map(decodeURIComponent).join('/');
      if (relative === '' || relative.split('/').some((segment) => segment === '..' || segment === '')) return undefined;
      return { relative };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** RFC 9562 version 5 UUID (SHA-1, name-based) of `name` in our namespace. */
export function nameUuid(name: string): string {
  return uuidOfDigest(createHash('sha1').update(NAMESPACE_BYTES).update(name, 'utf8').digest());
}

function uuidOfDigest(hash: Buffer): string {
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const NAMESPACE_BYTES = Buffer.from(LEGAL_ANNOTATOR_NAMESPACE.replace(/-/g, ''), 'hex');
