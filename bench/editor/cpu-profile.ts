/**
 * A CPU profile of the extension host the benchmark runs in, written when
 * LEGAL_ANNOTATOR_CPU_PROFILE names a file (open it in Chrome DevTools or VS Code). The profiler
 * samples on V8's own thread, so a stall shows in the profile once it ends. The profile carries
 * `clock`: a monotonic time and the clock time taken together, to place its samples in the day.
 */
import { promises as fs } from 'node:fs';
import { Session } from 'node:inspector';

export interface CpuProfiler {
  /** Stops sampling and writes the profile; resolves to the file written. */
  stop(): Promise<string>;
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T)));
  });
}

/** Starts profiling when LEGAL_ANNOTATOR_CPU_PROFILE is set; undefined otherwise. */
export async function startCpuProfile(): Promise<CpuProfiler | undefined> {
  const file = process.env.LEGAL_ANNOTATOR_CPU_PROFILE;
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 500 });
  await post(session, 'Profiler.start');
  // The profile's timestamps are microseconds of the monotonic clock, as process.hrtime's: this pair
  // maps them to the clock time the workbench log stamps its lines with.
  const clock = { monotonicMicros: Number(process.hrtime.bigint() / 1000n), epochMillis: Date.now() };
  return {
    async stop() {
      const { profile } = await post<{ profile: object }>(session, 'Profiler.stop');
      session.disconnect();
      await fs.writeFile(file, JSON.stringify({ ...profile, clock }));
      return file;
    },
  };
}
