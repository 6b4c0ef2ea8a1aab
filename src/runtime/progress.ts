/**
 * Progress for long runs: a bar (done/total, rate, ETA) on a TTY; a plain line every `intervalMs` otherwise (batch
 * logs, Slurm); nothing when quiet. Written to stderr so stdout stays clean.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number): void;
  setTotal(total: number): void;
  stop(): void;
}

export function createProgress(total: number, opts: { quiet: boolean; tty: boolean; intervalMs?: number }): Progress {
  if (opts.quiet) return { update() {}, setTotal() {}, stop() {} };
  const started = Date.now();
  if (opts.tty) {
    const bar = new cliProgress.SingleBar(
      { format: 'framelens |{bar}| {value}/{total} articles | {rate} art/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, etaBuffer: 50 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0, { rate: '0' });
    return {
      update(done) {
        const secs = (Date.now() - started) / 1000;
        bar.update(done, { rate: secs > 0 ? (done / secs).toFixed(1) : '0' });
      },
      setTotal(t) {
        bar.setTotal(Math.max(t, 1));
      },
      stop() {
        bar.stop();
      },
    };
  }
  const interval = opts.intervalMs ?? 10_000;
  let last = started;
  let t = total;
  return {
    update(done) {
      const now = Date.now();
      if (now - last < interval) return;
      last = now;
      const secs = (now - started) / 1000;
      const rate = done / secs;
      const eta = rate > 0 && t > done ? Math.round((t - done) / rate) : 0;
      process.stderr.write(`framelens: ${done}/${t} articles, ${rate.toFixed(1)} articles/s, ETA ${eta} s\n`);
    },
    setTotal(n) {
      t = n;
    },
    stop() {},
  };
}
