/**
 * Child process for test/unit/crash-write.test.ts: writes a new sidecar text over PATH with the
 * real writeSidecarFile, but stops just before the rename (fs.promises.rename is wrapped), says
 * so on stdout and waits to be killed with SIGKILL, as a crash or a power cut would stop it.
 *   node -r tsx/cjs test/hostile/crash-writer.ts PATH
 */
import { promises as fs } from 'node:fs';
import { parseSidecar } from '../../src/core/sidecar/sidecar-io';
import { writeSidecarFile } from '../../src/core/sidecar/sidecar-file';

const [path] = process.argv.slice(2);
const rename = fs.rename;
fs.rename = async (from, to) => {
  const written = await fs.readFile(from, 'utf8');
  process.stdout.write(`at-rename ${String(from)} ${written.length}\n`);
  await new Promise(() => setInterval(() => undefined, 1000)); // hang until killed
  return rename(from, to);
};

void (async () => {
  const doc = parseSidecar(await fs.readFile(path, 'utf8'));
  const next = parseSidecar(doc.text.replace('status: proposed', 'status: confirmed'));
  await writeSidecarFile(path, next);
  process.stdout.write('renamed\n');
})();
