/** ConfigFs over Node's file system (the CLI; unit tests use an in-memory one). */
import { promises as fs } from 'node:fs';
import { readTextFile } from '../files/read-text-file';
import type { ConfigFs, ReadTextResult } from './config-fs';

export const nodeConfigFs: ConfigFs = {
  async readText(path: string): Promise<ReadTextResult> {
    const read = await readTextFile(path, { kind: 'config' });
    if (read.ok) return { ok: true, text: (read.hadBom ? '\uFEFF' : '') + read.text };
    if (read.failure === 'missing') return { ok: false, missing: true, reason: read.reason };
    return { ok: false, missing: false, ...(read.failure === 'not-text' ? { notText: true } : {}), reason: read.reason };
  },
  async kind(path: string) {
    try {
      const stat = await fs.stat(path);
      return stat.isDirectory() ? 'directory' : 'file';
    } catch {
      return undefined;
    }
  },
  async realPath(path: string) {
    try {
      return await fs.realpath(path);
    } catch {
      return undefined;
    }
  },
};
