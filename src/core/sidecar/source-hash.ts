import { createHash } from 'node:crypto';

/** `sha256:` + hex SHA-256 of the UTF-8 bytes of a source text, BOM excluded (what `sourceHash` stores). */
export function sourceHash(text: string): string {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return `sha256:${createHash('sha256').update(body, 'utf8').digest('hex')}`;
}
