// What `--detach=false` waits on: one service and its tasks through the Watch stream (the
// objects as they are, then every change as it commits) instead of reading both again
// every 300 ms. A converge prints each task's move when it happens, and the CLI, the
// manager and the machine stop paying for reads that find nothing new.
import type { Service, Task } from '../../manager/api-types';
import type { WatchMessage__Output } from '../../proto/gen/shoal/api/WatchMessage';
import { controlStream, type ConnectionOptions } from '../control-client';
import { CallError, GrpcStatus, type OpenCall } from '../socket-call';

/** How often a wait looks again without a change, so that its time limits fire. */
const TICK_MS = 250;
/** A watch that broke (the manager serving it stopped leading) is opened again, this often at most. */
const REWATCH_MS = 200;
const MAX_REWATCHES = 10;

/** Judges the service's state: true when the wait is over; throws when it failed. */
export type WaitStep = (service: Service, tasks: Task[]) => boolean;

/** The Watch request for a service and its tasks (full id). */
function serviceWatchRequest(serviceId: string): object {
  return {
    entries: [
      { kind: 'SERVICE', ids: [serviceId] },
      { kind: 'TASK', serviceIds: [serviceId] },
    ],
  };
}

/**
 * Calls `step` with the service and its tasks whenever they change (and every TICK_MS),
 * until it returns true or throws. The service being removed meanwhile fails the wait.
 */
export function followService(o: ConnectionOptions, serviceId: string, step: WaitStep): Promise<void> {
  return new Promise((resolve, reject) => {
    let service: Service | undefined;
    const tasks = new Map<string, Task>();
    let call: OpenCall | undefined;
    let ended = false;
    let rewatches = 0;
    const end = (err?: unknown) => {
      if (ended) return;
      ended = true;
      clearInterval(tick);
      call?.cancel();
      if (err) reject(err);
      else resolve();
    };
    const look = () => {
      if (ended || !service) return;
      try {
        if (step(service, [...tasks.values()])) end();
      } catch (err) {
        end(err);
      }
    };
    const apply = (msg: WatchMessage__Output) => {
      if (msg.initial) {
        service = undefined;
        tasks.clear();
      }
      for (const e of msg.events) {
        const remove = e.action === 'REMOVE';
        if (e.service && remove) return end(new Error(`service ${serviceId} was removed`));
        if (e.service) service = e.service as Service;
        else if (e.task && remove) tasks.delete(e.task.id);
        else if (e.task) tasks.set(e.task.id, e.task as Task);
      }
      if (!service) return end(new Error(`service ${serviceId} not found`));
      look();
    };
    const rewatch = (err: unknown) => {
      if (ended) return;
      const broke = err === undefined || (err instanceof CallError && err.code === GrpcStatus.UNAVAILABLE);
      if (broke && rewatches++ < MAX_REWATCHES) setTimeout(watch, REWATCH_MS);
      else end(err);
    };
    const watch = () => {
      if (ended) return;
      call = controlStream(o, 'Watch', serviceWatchRequest(serviceId), apply);
      call.done.then(() => rewatch(undefined), rewatch);
    };
    const tick = setInterval(look, TICK_MS);
    watch();
  });
}
