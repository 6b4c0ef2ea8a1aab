/**
 * Reading a UTF-8 file a buffer at a time, pulled a line at a time, so that a large file (a corpus's JSONL, read by
 * bench/) stays out of memory. The file is opened for each refill and closed again, and read into one buffer shared
 * by all readers: each reader keeps only the unread rest of its last refill.
 */
import { closeSync, openSync, readSync } from 'node:fs';

let shared = Buffer.alloc(0);

export class LineReader {
  private pending: Buffer = Buffer.alloc(0);
  private start = 0;
  private position = 0;
  private eof = false;
  /** The 1-based number of the line `next` returned last, empty lines counted. */
  lineNumber = 0;

  /** `bufferBytes`: bytes read per refill (a line longer than that takes several). */
  constructor(
    readonly path: string,
    private readonly bufferBytes = 1 << 20,
  ) {}

  /** The next non-empty line (without its newline), or null at the end of the file. */
  next(): string | null {
    for (;;) {
      const nl = this.pending.indexOf(0x0a, this.start);
      if (nl >= 0) {
        const line = this.pending.toString('utf8', this.start, nl);
        this.start = nl + 1;
        this.lineNumber++;
        if (line) return line;
        continue;
      }
      if (this.eof) {
        if (this.start >= this.pending.length) return null;
        const line = this.pending.toString('utf8', this.start);
        this.start = this.pending.length;
        this.lineNumber++;
        return line;
      }
      this.refill();
    }
  }

  private refill(): void {
    if (shared.length < this.bufferBytes) shared = Buffer.allocUnsafe(this.bufferBytes);
    const fd = openSync(this.path, 'r');
    let got: number;
    try {
      got = readSync(fd, shared, 0, this.bufferBytes, this.position);
    } finally {
      closeSync(fd);
    }
    if (got === 0) {
      this.eof = true;
      return;
    }
    this.position += got;
    // Copied: the shared buffer is overwritten by the next refill (of any reader).
    this.pending = Buffer.concat([this.pending.subarray(this.start), shared.subarray(0, got)]);
    this.start = 0;
  }
}
