// Which nodes have missed their heartbeats. Pure bookkeeping with an injected clock, so
// the timing rules are unit-tested without timers: a node is expired once `graceMs` has
// passed since its last heartbeat (or since it was expected, for nodes a new leader has
// not heard from yet).
//
// Silence alone is weak evidence. When the node's connection is still open, its kernel
// is alive and acknowledging; the agent is more likely starved of CPU (a host busy
// starting dozens of containers) than dead, and marking it down would replace its tasks
// and add to the load. Such a node gets the longer `whileConnected` grace. A killed
// process closes its connections, so a real crash is still found after `graceMs`.
export interface ConnectedGrace {
  connected: (nodeId: string) => boolean;
  graceMs: number;
}

interface Entry {
  /** When the node last beat (or was first expected). */
  since: number;
  deadline: number;
}

export class HeartbeatTracker {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A heartbeat (or registration) from `nodeId`; it must beat again within `graceMs`. */
  beat(nodeId: string, graceMs: number): void {
    const now = this.now();
    this.entries.set(nodeId, { since: now, deadline: now + graceMs });
  }

  /** Expect `nodeId` to register within `graceMs` unless it is already tracked. */
  expect(nodeId: string, graceMs: number): void {
    if (this.entries.has(nodeId)) return;
    const now = this.now();
    this.entries.set(nodeId, { since: now, deadline: now + graceMs });
  }

  forget(nodeId: string): void {
    this.entries.delete(nodeId);
  }

  has(nodeId: string): boolean {
    return this.entries.has(nodeId);
  }

  /**
   * Removes and returns the nodes whose deadline has passed. With `whileConnected`, a
   * node whose connection is still open is kept until that longer grace has passed
   * since it last beat.
   */
  takeExpired(whileConnected?: ConnectedGrace): string[] {
    const now = this.now();
    const out: string[] = [];
    for (const [id, e] of this.entries) {
      if (e.deadline > now) continue;
      // Asked again on every call: a connection that breaks during the longer grace
      // expires the node at once.
      if (whileConnected?.connected(id) && e.since + whileConnected.graceMs > now) continue;
      out.push(id);
      this.entries.delete(id);
    }
    return out;
  }

  clear(): void {
    this.entries.clear();
  }
}
