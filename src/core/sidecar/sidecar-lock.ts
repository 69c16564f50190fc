/**
 * A lock per sidecar, across processes: the CLI, scripts and the editor writing one sidecar at
 * once take turns instead of each writing over what the other read.
 *
 * The lock is a file created exclusively (O_EXCL) beside the sidecar, `.NAME.ann.yaml.lock`
 * (a dot file: folder walks skip it, and it does not end in `.ann.yaml`). It holds who took it
 * (pid, host, a random token, the time); its holder refreshes its modification time while it
 * holds it. A lock is stale, and broken by the next writer, when its holder is a process of
 * this host that no longer runs (killed while holding it), or when its time has not been
 * refreshed for `staleMs` (a holder on another host, or a file left half-written). Waiting is
 * asynchronous (timers), so the editor's thread never blocks on it.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { errnoWords } from '../files/errno';

export interface SidecarLockOptions {
  /** How long to wait for the lock before giving up (SidecarLockTimeout). */
  waitMs?: number;
  /** A lock whose time was not refreshed for this long is stale. */
  staleMs?: number;
}

export const SIDECAR_LOCK_DEFAULTS: Required<SidecarLockOptions> = { waitMs: 5_000, staleMs: 10_000 };

/** The sidecar's lock could not be had; nothing was written. */
export class SidecarLockError extends Error {
  override name = 'SidecarLockError';
  /** `detail`: the message without the sidecar's path in front, for reports that name the file already. */
  constructor(readonly sidecarPath: string, readonly detail: string) {
    super(`${sidecarPath} ${detail}`);
  }
}

/** The lock was held by another writer for longer than the wait. */
export class SidecarLockTimeout extends SidecarLockError {
  override name = 'SidecarLockTimeout';
}

interface LockOwner {
  pid: number;
  host: string;
  token: string;
  time: string;
}

/** The lock file of the sidecar at `sidecarPath`. */
export function sidecarLockPath(sidecarPath: string): string {
  const absolute = resolve(sidecarPath);
  return join(dirname(absolute), `.${basename(absolute)}.lock`);
}

/**
 * Runs `work` while holding the lock of the sidecar at `sidecarPath`; releases it however `work`
 * ends. Not reentrant: `work` must not take the same sidecar's lock again (it would wait for
 * itself until the wait runs out).
 */
export async function withSidecarLock<T>(sidecarPath: string, work: () => Promise<T>, options: SidecarLockOptions = {}): Promise<T> {
  const release = await acquire(sidecarPath, { ...SIDECAR_LOCK_DEFAULTS, ...options });
  try {
    return await work();
  } finally {
    await release();
  }
}

/** Locks held by this process, removed if it exits while holding them (process.exit in the middle of work). */
const held = new Set<string>();
let exitHookInstalled = false;

function removeHeldLocksOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const path of held) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
  });
}

async function acquire(sidecarPath: string, options: Required<SidecarLockOptions>): Promise<() => Promise<void>> {
  const path = sidecarLockPath(sidecarPath);
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex'), time: new Date().toISOString() };
  const deadline = Date.now() + options.waitMs;
  let pause = 5;
  const cannot = (error: unknown) => Promise.reject(lockFileError(sidecarPath, path, error));
  for (;;) {
    if (await tryCreate(path, owner).catch(cannot)) break;
    const holder = await readHolder(path).catch(cannot);
    if (holder === 'gone') continue;
    if (isStale(holder, options.staleMs)) {
      await breakStaleLock(path, holder.owner);
      continue;
    }
    const left = deadline - Date.now();
    if (left <= 0) throw new SidecarLockTimeout(sidecarPath, `is locked by another writer (${describeHolder(holder.owner)}) and was not released within ${options.waitMs} ms; nothing was written: try again, or if no writer is running remove ${path}`);
    // Random pauses, growing: waiters that collide once do not collide again in step.
    await sleep(Math.min(left, pause * (0.5 + Math.random())));
    pause = Math.min(pause * 2, 100);
  }
  removeHeldLocksOnExit();
  held.add(path);
  const refresh = setInterval(() => {
    const now = new Date();
    fs.utimes(path, now, now).catch(() => undefined);
  }, Math.max(100, Math.floor(options.staleMs / 3)));
  refresh.unref();
  return async () => {
    clearInterval(refresh);
    held.delete(path);
    await removeIfOwned(path, owner.token);
  };
}

/** The lock file cannot be created or read (a folder in its place, no permission): why, naming the sidecar. */
function lockFileError(sidecarPath: string, path: string, error: unknown): SidecarLockError {
  const code = (error as NodeJS.ErrnoException).code;
  const words = errnoWords(code);
  const why = code === 'EISDIR' ? 'read (it is a folder)' : `created or read (${words ? `${words}, ` : ''}${code ?? (error as Error).message})`;
  return new SidecarLockError(sidecarPath, `cannot be locked: ${path} cannot be ${why}; nothing was written`);
}

/**
 * Creates the lock file holding `owner`; false when another writer's is there. A lock file this
 * call created but could not fill (a full disk, ulimit -f) is removed again: left empty, it would
 * keep every writer waiting until it went stale.
 */
async function tryCreate(path: string, owner: LockOwner): Promise<boolean> {
  let file: fs.FileHandle;
  try {
    file = await fs.open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await file.writeFile(`${JSON.stringify(owner)}\n`);
  } catch (error) {
    await file.close().catch(() => undefined);
    await fs.rm(path, { force: true });
    throw error;
  }
  await file.close();
  return true;
}

interface Holder {
  /** Undefined while the holder is still writing the file, or when it is not ours. */
  owner: LockOwner | undefined;
  ageMs: number;
}

async function readHolder(path: string): Promise<Holder | 'gone'> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(path, 'utf8'), fs.stat(path)]);
    return { owner: parseOwner(text), ageMs: Date.now() - stat.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    return typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string' ? (value as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

/** A holder of this host is judged by whether its process runs; any other by the age of the lock's time. */
function isStale(holder: Holder, staleMs: number): boolean {
  if (holder.owner && holder.owner.host === hostname()) return !processRuns(holder.owner.pid);
  return holder.ageMs > staleMs;
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a stale lock by renaming it aside first (atomic: of two writers breaking it at once,
 * one gets it). If what was moved aside is not the stale lock judged (another writer broke it
 * and took the lock meanwhile), it is put back, unless a third writer already holds the place.
 */
async function breakStaleLock(path: string, judged: LockOwner | undefined): Promise<void> {
  const aside = `${path}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await fs.rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = parseOwner(await fs.readFile(aside, 'utf8').catch(() => ''));
  if (moved && moved.token !== judged?.token) await fs.link(aside, path).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

async function removeIfOwned(path: string, token: string): Promise<void> {
  const owner = parseOwner(await fs.readFile(path, 'utf8').catch(() => ''));
  if (owner?.token === token) await fs.rm(path, { force: true });
}

function describeHolder(owner: LockOwner | undefined): string {
  return owner ? `process ${owner.pid} on ${owner.host}, since ${owner.time}` : 'a lock file being written';
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
