import cliProgress from 'cli-progress';

/** Running totals of a batch. */
export interface BatchCounts {
  added: number;
  unchanged: number;
  replaced: number;
  failed: number;
}

/**
 * What a long step reports while it works: which phase it is in ("analyse", "record"), and how far it is
 * when it can count. The record update calls it as `progress.phase('record')`.
 */
export interface ProgressReporter {
  phase(label: string, done?: number, total?: number): void;
}

export interface BatchProgressOptions {
  stream?: NodeJS.WriteStream;
  /** How often a plain progress line is written when the stream is not a terminal (a log file, CI). */
  plainIntervalMs?: number;
}

const PLAIN_INTERVAL_MS = 5000;

/**
 * Progress of a batch over its articles on stderr: a bar on a terminal, a plain line every few seconds
 * otherwise, with one-line error messages kept above the bar. It counts articles, not inputs: a JSON Lines
 * file or a feed holding 500 articles advances the bar 500 times. The total is an estimate that may grow
 * (a feed fetched from a URL is counted as one article until it is read).
 */
export class BatchProgress implements ProgressReporter {
  private bars?: cliProgress.MultiBar;
  private bar?: cliProgress.SingleBar;
  private readonly stream: NodeJS.WriteStream;
  private readonly plainIntervalMs: number;
  private lastPlain = Date.now();
  private done = 0;
  private counts: BatchCounts = { added: 0, unchanged: 0, replaced: 0, failed: 0 };
  private currentPhase: string;

  constructor(
    private readonly label: string,
    private total: number,
    opts: BatchProgressOptions = {},
  ) {
    this.stream = opts.stream ?? process.stderr;
    this.plainIntervalMs = opts.plainIntervalMs ?? PLAIN_INTERVAL_MS;
    this.currentPhase = label;
    this.startBar();
  }

  /** Shows nothing for a batch of one article; a bar appears once a batch is known to hold more. */
  private get shown(): boolean {
    return this.total > 1;
  }

  private startBar(): void {
    if (this.bar || !this.stream.isTTY || !this.shown) return;
    this.bars = new cliProgress.MultiBar(
      {
        stream: this.stream,
        format: '{phase} [{bar}] {value}/{total} articles | {added} added, {unchanged} unchanged, {failed} failed | {duration_formatted}',
        clearOnComplete: true,
        hideCursor: false,
        // The bar's own SIGINT handler would swallow Ctrl-C; stored articles are safe either way.
        gracefulExit: false,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar = this.bars.create(this.total, this.done, { phase: this.currentPhase, ...this.counts });
  }

  /** `done` articles are finished; the total grows if more were read than estimated. */
  update(done: number, counts: BatchCounts): void {
    this.done = done;
    this.counts = { ...counts };
    if (done > this.total) this.setTotal(done);
    if (this.bar) this.bar.update(done, { ...counts, phase: this.currentPhase });
    else this.plain();
  }

  /** A better estimate of how many articles the batch holds. */
  setTotal(total: number): void {
    this.total = Math.max(total, this.done);
    this.bar?.setTotal(this.total);
    this.startBar();
  }

  /** Shows the phase the batch is in ("record" while the cross-article record is brought up to date). */
  phase(label: string, done?: number, total?: number): void {
    const changed = label !== this.currentPhase;
    this.currentPhase = label;
    if (this.bar) {
      this.bar.update({ phase: label });
    } else if (changed && this.shown) {
      const count = done !== undefined && total !== undefined ? ` ${done}/${total}` : '';
      this.stream.write(`polity: ${this.label}: ${label}${count}\n`);
    }
  }

  private plain(): void {
    if (!this.shown || Date.now() - this.lastPlain < this.plainIntervalMs) return;
    this.lastPlain = Date.now();
    const c = this.counts;
    this.stream.write(`polity: ${this.label}: ${this.done}/${this.total} articles, ${c.added} added, ${c.unchanged} unchanged, ${c.failed} failed\n`);
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
