// What the test VS Code's logs say about requests to hosts outside this machine. Nothing here may
// reach any host but the npm registry and Debian's archive (and those only to install), so a
// lookup of another name (which fails on a machine without a resolver, and is logged) fails the run.
import fs from 'node:fs';
import path from 'node:path';

/** A failed name lookup as Node and VS Code log it. */
const LOOKUP_FAILED = /getaddrinfo (?:ENOTFOUND|EAI_AGAIN)/;

/** The log lines of `resultsDir` (every *.log in it) that show a request to a host outside this machine. */
export function outsideRequestLines(resultsDir) {
  let names;
  try { names = fs.readdirSync(resultsDir).filter((name) => name.endsWith('.log')); } catch { return []; }
  return names.flatMap((name) => {
    const text = fs.readFileSync(path.join(resultsDir, name), 'utf8');
    return text.split('\n').filter((line) => LOOKUP_FAILED.test(line)).map((line) => `${name}: ${line.trim()}`);
  });
}

/** Throws when the logs of `resultsDir` show a request to a host outside this machine. */
export function assertNoOutsideRequests(resultsDir) {
  const lines = outsideRequestLines(resultsDir);
  if (lines.length > 0) {
    throw new Error(`the test VS Code tried to reach a host outside this machine ${lines.length} time(s) (${resultsDir}/${lines[0]})`);
  }
}
