// Which nodes have missed their heartbeats. Pure bookkeeping with an injected clock, so
// the timing rules are unit-tested without timers: a node is expired once `graceMs` has
// passed since its last heartbeat (or since it was expected, for nodes a new leader has
// not heard from yet).
export class HeartbeatTracker {
  private readonly deadlines = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A heartbeat (or registration) from `nodeId`; it must beat again within `graceMs`. */
  beat(nodeId: string, graceMs: number): void {
    this.deadlines.set(nodeId, this.now() + graceMs);
  }

  /** Expect `nodeId` to register within `graceMs` unless it is already tracked. */
  expect(nodeId: string, graceMs: number): void {
    if (!this.deadlines.has(nodeId)) this.deadlines.set(nodeId, this.now() + graceMs);
  }

  forget(nodeId: string): void {
    this.deadlines.delete(nodeId);
  }

  has(nodeId: string): boolean {
    return this.deadlines.has(nodeId);
  }

  /** Removes and returns the nodes whose deadline has passed. */
  takeExpired(): string[] {
    const now = this.now();
    const out: string[] = [];
    for (const [id, deadline] of this.deadlines) {
      if (deadline <= now) {
        out.push(id);
        this.deadlines.delete(id);
      }
    }
    return out;
  }

  clear(): void {
    this.deadlines.clear();
  }
}
