// A service's tasks as the manager's Watch stream reports them (what `--detach=false`
// follows), for the converge benchmark: it learns of each task reaching Running when
// the change commits, and costs the 2-core machine it measures nothing between changes,
// where a poll every 50 ms cost the leader ~2.5 ms of CPU each (~0.4 s per converge).
import type { Task } from '../../manager/api-types';
import { controlStream } from '../../cli/control-client';
import type { OpenCall } from '../../cli/socket-call';
import type { WatchMessage__Output } from '../../proto/gen/shoal/api/WatchMessage';

export interface Progress {
  running: number; // desired Running and reported Running
  slots: number[];
  byNode: Map<string, number>;
}

export class ServiceTaskWatch {
  private readonly tasks = new Map<string, Task>();
  private readonly call: OpenCall;
  private readonly waiters = new Set<() => void>();
  private failure: Error | undefined;

  constructor(socket: string, serviceId: string) {
    this.call = controlStream<WatchMessage__Output>(
      { socket, tlsDir: '' },
      'Watch',
      { entries: [{ kind: 'TASK', serviceIds: [serviceId] }] },
      (msg) => this.apply(msg),
    );
    this.call.done.then(
      () => this.fail(new Error(`the watch of ${serviceId} ended`)),
      (err: Error) => this.fail(err),
    );
  }

  progress(): Progress {
    const live = [...this.tasks.values()].filter(
      (t) => t.desiredState === 'RUNNING' && t.status?.state === 'RUNNING',
    );
    const byNode = new Map<string, number>();
    for (const t of live) byNode.set(t.nodeId, (byNode.get(t.nodeId) ?? 0) + 1);
    return { running: live.length, slots: live.map((t) => t.slot), byNode };
  }

  /** Resolves once `done` holds for the progress (judged after every change). */
  until(what: string, done: (p: Progress) => boolean, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.failure) finish(this.failure);
        else if (done(this.progress())) finish();
      };
      const finish = (err?: Error) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (err) reject(err);
        else resolve();
      };
      const timer = setTimeout(
        () => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)),
        timeoutMs,
      );
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.failure ??= new Error('closed');
    this.call.cancel();
  }

  private apply(msg: WatchMessage__Output): void {
    if (msg.initial) this.tasks.clear();
    for (const e of msg.events) {
      if (!e.task) continue;
      if (e.action === 'REMOVE') this.tasks.delete(e.task.id);
      else this.tasks.set(e.task.id, e.task as Task);
    }
    for (const check of [...this.waiters]) check();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const check of [...this.waiters]) check();
  }
}
