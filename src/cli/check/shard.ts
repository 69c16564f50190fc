/**
 * `check --shard I/N`: the I-th of N parts of the corpus, so that N CI jobs running the same
 * command check every file exactly once. A sidecar's part is a hash of its path relative to the
 * workspace root (the folder of the nearest .legal-annotator.yaml, else the repository root), so
 * it depends on nothing else: not on which other files exist, the order they are found in, the
 * machine or the folder the job runs in. A sidecar counts under its source's path, so that
 * `--claims` reviews a source in the part that checks its sidecar. The configs and the taxonomy
 * files they name, few and read by every part, are checked (and reported) by part 1 alone.
 */
import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import { sourcePathFor } from '../../core/sidecar/model';
import { findConfig } from '../../core/workspace/load-config';
import { nodeConfigFs } from '../../core/workspace/node-config-fs';
import { CliError } from '../output';
import type { CheckTargets } from './collect';

export interface Shard {
  /** 1-based: 1 to `count`. */
  index: number;
  count: number;
}

/** Reads `I/N`; anything else, or I outside 1..N, is bad usage (exit 2). */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/u.exec(value);
  if (!match) throw new CliError(`--shard '${value}' is not I/N (for example 2/3: the second of three parts)`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new CliError(`--shard '${value}': N must be at least 1`);
  if (index < 1 || index > count) throw new CliError(`--shard '${value}': I must be from 1 to ${count}`);
  return { index, count };
}

/** The part (1 to `count`) of the file at `path` (absolute), `root` being the workspace root. */
export function shardOf(root: string, path: string, count: number): number {
  const digest = createHash('sha256').update(shardKey(root, path)).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** The `/`-separated path relative to `root`, a sidecar's without its `.ann.yaml` (its source's path). */
export function shardKey(root: string, path: string): string {
  const key = relative(root, path).split(sep).join('/');
  return sourcePathFor(key) ?? key;
}

/** One part of the corpus that `check` was given. */
export interface CorpusPart {
  shard: Shard;
  /** Whether a sidecar or a source (absolute path) belongs to this part. */
  has(path: string): boolean;
  /** Whether this part checks and reports the configs and taxonomy files. */
  readonly checksConfigs: boolean;
  /** The targets of this part: its sidecars and given sources, and (part 1) every config, the workspace's included. */
  targets(all: CheckTargets): CheckTargets;
}

/** The part `shard` of the corpus whose workspace holds `firstPath` (check's first PATH). */
export async function corpusPart(shard: Shard, firstPath: string): Promise<CorpusPart> {
  const location = await findConfig(firstPath, nodeConfigFs);
  const has = (path: string) => shardOf(location.root, path, shard.count) === shard.index;
  const checksConfigs = shard.index === 1;
  return {
    shard,
    has,
    checksConfigs,
    targets: (all) => {
      // The workspace's config may lie above the PATHs walked: part 1 loads it all the same.
      const configs = checksConfigs ? [...new Set([...all.configs, ...(location.configPath ? [location.configPath] : [])])].sort() : [];
      return {
        sidecars: all.sidecars.filter(has),
        configs,
        sourcesWithoutSidecar: all.sourcesWithoutSidecar.filter((given) => has(resolve(given))),
        folders: all.folders,
      };
    },
  };
}
