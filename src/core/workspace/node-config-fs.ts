/** ConfigFs over Node's file system (the CLI; unit tests use an in-memory one). */
import { promises as fs } from 'node:fs';
import { decodeSourceText } from '../text/decode';
import type { ConfigFs, ReadTextResult } from './config-fs';

export const nodeConfigFs: ConfigFs = {
  async readText(path: string): Promise<ReadTextResult> {
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, missing: true, reason: 'does not exist' };
      return { ok: false, missing: false, reason: `cannot be read (${code ?? (error as Error).message})` };
    }
    const decoded = decodeSourceText(bytes);
    if (!decoded.ok) return { ok: false, missing: false, notText: true, reason: decoded.reason };
    return { ok: true, text: (decoded.hadBom ? '\uFEFF' : '') + decoded.text };
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
