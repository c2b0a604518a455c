// Control API: Watch. Services and tasks as they change, for `--detach=false` and
// monitors that would otherwise poll: the leader sends the matching objects as they are,
// then each committed transaction's changes to them, from its own store (routing:
// leader-stream.ts). Reading the objects and subscribing happen in one tick, so no change
// falls between them. A watcher that stops reading is cut off with RESOURCE_EXHAUSTED
// rather than let the leader buffer without bound.
import * as grpc from '@grpc/grpc-js';
import type { WatchRequest__Output } from '../../proto/gen/shoal/api/WatchRequest';
import type { WatchEntry__Output } from '../../proto/gen/shoal/api/WatchEntry';
import type { WatchMessage } from '../../proto/gen/shoal/api/WatchMessage';
import type { WatchEvent } from '../../proto/gen/shoal/api/WatchEvent';
import type { Service, Task } from '../api-types';
import { statusError } from '../ca';
import { asServiceError } from '../grpc-util';
import type { ManagerContext } from '../context';
import type { MemoryStore, StoreEvent } from '../store';
import type { ControlServerOptions } from './server';
import { endOnLostLeadership, leaderStreamHandler } from './leader-stream';

type WatchCall = grpc.ServerWritableStream<WatchRequest__Output, WatchMessage>;
type Watched = { table: 'tasks'; object: Task } | { table: 'services'; object: Service };

/** Messages a watcher may fall behind by (each one transaction's changes). */
export const MAX_UNREAD_MESSAGES = 10_000;

const KINDS = ['TASK', 'SERVICE'];

export function validateWatch(req: WatchRequest__Output): void {
  const bad = (msg: string) => statusError(grpc.status.INVALID_ARGUMENT, msg);
  if (!req.entries.length) throw bad('entries: name at least one kind of object to watch');
  req.entries.forEach((e, i) => {
    if (!KINDS.includes(String(e.kind)))
      throw bad(`entries[${i}].kind: expected TASK or SERVICE, got ${String(e.kind)}`);
    if (e.ids.some((id) => !id)) throw bad(`entries[${i}].ids: ids must not be empty`);
    if (e.serviceIds.some((id) => !id)) throw bad(`entries[${i}].service_ids: ids must not be empty`);
    if (e.kind === 'SERVICE' && e.serviceIds.length)
      throw bad(`entries[${i}].service_ids: only TASK entries select by service`);
  });
}

function entryMatches(e: WatchEntry__Output, w: Watched): boolean {
  if (w.table === 'tasks') {
    if (e.kind !== 'TASK') return false;
    if (e.serviceIds.length && !e.serviceIds.includes(w.object.serviceId)) return false;
  } else if (e.kind !== 'SERVICE') return false;
  return !e.ids.length || e.ids.includes(w.object.id);
}

/** Whether any entry asks for the object. */
function watchMatcher(entries: WatchEntry__Output[]): (w: Watched) => boolean {
  return (w) => entries.some((e) => entryMatches(e, w));
}

/** The matching objects as they are, each once, read through the indexes the entries allow. */
function currentObjects(store: MemoryStore, entries: WatchEntry__Output[]): Watched[] {
  const seen = new Map<string, Watched>();
  for (const e of entries) {
    const found: Watched[] = [];
    if (e.kind === 'SERVICE') {
      const services = e.ids.length ? e.ids.map((id) => store.get('services', id)) : store.list('services');
      for (const s of services) if (s) found.push({ table: 'services', object: s });
    } else {
      const tasks = e.ids.length
        ? e.ids.map((id) => store.get('tasks', id))
        : e.serviceIds.length
          ? e.serviceIds.flatMap((id) => store.tasksByService(id))
          : store.list('tasks');
      for (const t of tasks) if (t) found.push({ table: 'tasks', object: t });
    }
    for (const w of found) if (entryMatches(e, w)) seen.set(`${w.table}/${w.object.id}`, w);
  }
  return [...seen.values()];
}

function eventOf(w: Watched, remove: boolean): WatchEvent {
  return {
    action: remove ? 'REMOVE' : 'UPDATE',
    ...(w.table === 'tasks' ? { task: w.object } : { service: w.object }),
  };
}

export function watchHandler(
  ctx: () => ManagerContext | undefined,
  method: grpc.MethodDefinition<unknown, unknown>,
  opts: ControlServerOptions,
  unavailable: () => Error,
): grpc.handleServerStreamingCall<WatchRequest__Output, WatchMessage> {
  return leaderStreamHandler(ctx, method, opts, unavailable, { validate: validateWatch, serve: serveWatch });
}

/** What serving a watch needs of the manager: its store, and whether it still leads. */
export type WatchContext = Pick<ManagerContext, 'local' | 'raft' | 'isLeader'>;

/** Serves a (validated) watch from this manager's store until the caller cancels. */
export function serveWatch(c: WatchContext, call: WatchCall): void {
  const matches = watchMatcher(call.request.entries);
  let finished = false;
  const finish = (err: grpc.ServiceError) => {
    if (finished) return;
    finished = true;
    unsubscribe();
    stopWatchingRole();
    call.emit('error', err);
  };
  const initial = currentObjects(c.local, call.request.entries).map((w) => eventOf(w, false));
  const unsubscribe = c.local.subscribe(
    // What selects an object (kind, id, a task's service) never changes, so the event's
    // object (for a delete: as it was) decides.
    { tables: ['tasks', 'services'], match: (e: StoreEvent) => matches(e as Watched) },
    (events, version) => {
      if (finished) return;
      if (call.writableLength >= MAX_UNREAD_MESSAGES) {
        finish(
          asServiceError(
            statusError(
              grpc.status.RESOURCE_EXHAUSTED,
              `the watcher fell ${MAX_UNREAD_MESSAGES} messages behind; watch again`,
            ),
          ),
        );
        return;
      }
      call.write({
        initial: false,
        events: events.map((e) => eventOf(e as Watched, e.kind === 'delete')),
        storeVersion: version,
      });
    },
  );
  const stopWatchingRole = endOnLostLeadership(c, finish);
  call.on('cancelled', () => {
    finished = true;
    unsubscribe();
    stopWatchingRole();
  });
  call.write({ initial: true, events: initial, storeVersion: c.local.version });
}
