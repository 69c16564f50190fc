import type { CliOutput } from './output';

/** Characters gathered before one write: big enough to be fast, small enough to never build one huge string. */
const CHUNK_CHARACTERS = 1 << 16;

/**
 * Output written in pieces (one entity, one line) and passed on in chunks, for commands whose
 * output grows with the input. `add` says when a chunk is due; the caller then awaits `flush`,
 * which also waits for a slow reader (`CliOutput.drained`), so memory holds one chunk at a time.
 */
export class OutputChunks {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly output: CliOutput) {}

  /** Whether standard output's reader has gone: the command may stop. */
  get closed(): boolean {
    return this.output.closed === true;
  }

  /** Adds a piece; true when a chunk is due and the caller should `await flush()`. */
  add(text: string): boolean {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= CHUNK_CHARACTERS;
  }

  /** Writes what was added and waits until standard output can take more. */
  async flush(): Promise<void> {
    if (this.parts.length > 0) {
      this.output.out(this.parts.join(''));
      this.parts = [];
      this.size = 0;
    }
    await this.output.drained?.();
  }
}
