// Runs a reconcile pass whenever something asks for one, never two at once: kicks that
// arrive during a pass coalesce into one more pass after it. Store events only mark
// work; the pass reads the store as it is then, so a burst of events costs one pass.
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const h = setTimeout(fn, ms);
    h.unref?.();
    return h;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export class ReconcileLoop {
  private running = false;
  private again = false;
  private scheduled = false;
  private stopped = false;
  private waiters: Array<() => void> = [];

  /** `pass` returns true when it left work behind (e.g. a truncated plan). */
  /**
   * @param manual when true, kicks are ignored and the owner calls the pass itself (a
   *   deterministic simulation interleaves passes of several drivers by hand)
   */
  constructor(
    private readonly pass: () => Promise<boolean>,
    private readonly onError: (err: unknown) => void,
    private readonly manual = false,
  ) {}

  kick(): void {
    if (this.stopped || this.manual) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.run());
  }

  /** Resolves once no pass is running or due. */
  idle(): Promise<void> {
    if (!this.running && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    if (!this.running) this.release();
  }

  private async run(): Promise<void> {
    this.scheduled = false;
    if (this.stopped) return this.release();
    this.running = true;
    this.again = false;
    let more = false;
    try {
      more = await this.pass();
    } catch (err) {
      this.onError(err);
    }
    this.running = false;
    if (!this.stopped && (more || this.again)) this.kick();
    else this.release();
  }

  private release(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}
