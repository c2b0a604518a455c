// Notices when this process itself was stalled: a timer that should run every
// `intervalMs` ran much later (a long synchronous stretch such as applying a 5,000-task
// transaction, a GC pause, or a machine too busy to schedule us). Heartbeats that
// arrived meanwhile wait in socket buffers and are handled only after the timers, so a
// stalled leader would blame the nodes for its own delay and mark them down.
export class StallDetector {
  private last: number | undefined;
  private lastStall = -Infinity;

  constructor(
    private readonly intervalMs: number,
    /** How late a tick may be before it counts as a stall. */
    private readonly toleranceMs: number,
    /**
     * At most one stall is reported per this many milliseconds, so that a manager that
     * is slow all the time still notices dead nodes (one grace later), not never.
     */
    private readonly minGapMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Call on every tick; true when this tick came more than the tolerance late. */
  tick(): boolean {
    const now = this.now();
    const late = this.last === undefined ? 0 : now - this.last - this.intervalMs;
    this.last = now;
    if (late <= this.toleranceMs || now - this.lastStall < this.minGapMs) return false;
    this.lastStall = now;
    return true;
  }
}
