// The clock heartbeat deadlines are measured on. A leader that is itself stalled (a long
// synchronous stretch such as applying a 5,000-task transaction, a GC pause, a machine
// too busy to schedule it) has not yet handled the heartbeats that arrived meanwhile:
// they wait in socket buffers until after the timers run. Measured on the wall clock,
// such a stall would be blamed on the nodes and mark them down. This clock advances by
// at most `maxStepMs` per tick of the expiry timer, so time the leader could not run
// does not count against the nodes; when it is slow all the time, failures are still
// noticed, only later in proportion.
export class StallTolerantClock {
  private virtual: number;
  private lastReal: number;

  constructor(
    /** The most one tick may advance the clock: the tick interval plus some tolerance. */
    private readonly maxStepMs: number,
    private readonly realNow: () => number = Date.now,
  ) {
    this.lastReal = realNow();
    this.virtual = this.lastReal;
  }

  /** Call on every tick of the expiry timer. */
  tick(): void {
    const real = this.realNow();
    this.virtual += Math.max(0, Math.min(real - this.lastReal, this.maxStepMs));
    this.lastReal = real;
  }

  now(): number {
    return this.virtual;
  }
}
