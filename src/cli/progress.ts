import cliProgress from 'cli-progress';

/** Running totals of a batch. */
export interface BatchCounts {
  added: number;
  unchanged: number;
  replaced: number;
  failed: number;
}

/** How often progress is reported when stderr is not a terminal (a log file, CI). */
const PLAIN_INTERVAL_MS = 5000;

/**
 * Progress of a batch over its inputs on stderr: a bar on a terminal, a plain line every few seconds otherwise,
 * with one-line error messages kept above the bar.
 */
export class BatchProgress {
  private readonly bars?: cliProgress.MultiBar;
  private readonly bar?: cliProgress.SingleBar;
  private lastPlain = Date.now();

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    if (stream.isTTY && total > 1) {
      this.bars = new cliProgress.MultiBar(
        {
          stream,
          format: `${label} [{bar}] {value}/{total} inputs | {added} added, {unchanged} unchanged, {failed} failed | {duration_formatted}`,
          clearOnComplete: true,
          hideCursor: false,
          // The bar's own SIGINT handler would swallow Ctrl-C; stored articles are safe either way.
          gracefulExit: false,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar = this.bars.create(total, 0, { added: 0, unchanged: 0, failed: 0 });
    }
  }

  /** `done` inputs of `total` are finished. */
  update(done: number, counts: BatchCounts): void {
    if (this.bar) {
      this.bar.update(done, { ...counts });
    } else if (this.total > 1 && Date.now() - this.lastPlain >= PLAIN_INTERVAL_MS) {
      this.lastPlain = Date.now();
      this.stream.write(`polity: ${this.label}: ${done}/${this.total} inputs, ${counts.added} added, ${counts.unchanged} unchanged, ${counts.failed} failed\n`);
    }
  }

  /** Prints a message line without breaking the bar. */
  message(line: string): void {
    if (this.bars) {
      this.bars.log(`${line}\n`);
      // Redraw now: the bar flushes logged lines only when it redraws, and it is cleared on stop.
      this.bars.update();
    } else {
      this.stream.write(`${line}\n`);
    }
  }

  stop(): void {
    this.bars?.stop();
  }
}
