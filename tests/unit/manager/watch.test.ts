// The Watch stream over a real in-memory store: the first message holds the matching
// objects, later ones each transaction's changes to them (and nothing else), a slow
// reader is cut off, losing the leadership ends the stream, and bad requests name the field.
import { EventEmitter } from 'events';
import type * as grpc from '@grpc/grpc-js';
import { MemoryStore, ProposingStore } from '../../../manager/store';
import {
  MAX_UNREAD_MESSAGES,
  serveWatch,
  validateWatch,
  type WatchContext,
} from '../../../manager/control-api/watch';
import type { WatchMessage } from '../../../proto/gen/shoal/api/WatchMessage';
import type { WatchRequest__Output } from '../../../proto/gen/shoal/api/WatchRequest';
import type { WatchEntry__Output } from '../../../proto/gen/shoal/api/WatchEntry';

const entry = (e: Partial<WatchEntry__Output>): WatchEntry__Output => ({
  kind: 'TASK',
  ids: [],
  serviceIds: [],
  ...e,
});

/** The parts of a grpc-js server stream the handler uses, recording what it sends. */
class FakeCall extends EventEmitter {
  readonly sent: WatchMessage[] = [];
  error: grpc.ServiceError | undefined;
  writableLength = 0;
  constructor(readonly request: WatchRequest__Output) {
    super();
    this.on('error', (err: grpc.ServiceError) => (this.error = err));
  }
  write(msg: WatchMessage): boolean {
    this.sent.push(msg);
    return true;
  }
}

async function setup() {
  const local = new MemoryStore();
  const store = new ProposingStore(local, async (data) => local.apply(data));
  await store.update((tx) => {
    for (const id of ['svc-web', 'svc-db'])
      tx.services.create({
        id,
        spec: { annotations: { name: id.slice(4) }, task: { container: { image: 'x' } } },
      });
    tx.tasks.create({ id: 'web1', serviceId: 'svc-web', slot: 1, desiredState: 'RUNNING' });
    tx.tasks.create({ id: 'db1', serviceId: 'svc-db', slot: 1, desiredState: 'RUNNING' });
  });
  const raft = new EventEmitter();
  const ctx = { local, raft, isLeader: true } as unknown as WatchContext & { isLeader: boolean };
  const watch = (entries: WatchEntry__Output[]) => {
    const call = new FakeCall({ entries });
    serveWatch(ctx, call as unknown as Parameters<typeof serveWatch>[1]);
    return call;
  };
  return { local, store, raft, ctx, watch };
}

const ids = (msg: WatchMessage) =>
  (msg.events ?? []).map((e) => `${e.action}:${e.task?.id ?? e.service?.id}`).sort();

describe('Control.Watch', () => {
  it('sends the matching objects first, then only the changes to them', async () => {
    const { store, watch } = await setup();
    const call = watch([entry({ kind: 'SERVICE', ids: ['svc-web'] }), entry({ serviceIds: ['svc-web'] })]);
    expect(call.sent).toHaveLength(1);
    expect(call.sent[0].initial).toBe(true);
    expect(ids(call.sent[0])).toEqual(['UPDATE:svc-web', 'UPDATE:web1']);

    await store.update((tx) => {
      tx.tasks.create({ id: 'web2', serviceId: 'svc-web', slot: 2, desiredState: 'RUNNING' });
      tx.tasks.create({ id: 'db2', serviceId: 'svc-db', slot: 2, desiredState: 'RUNNING' });
    });
    await store.update((tx) => tx.tasks.delete('web1'));
    await store.update((tx) => tx.tasks.delete('db1')); // another service's: nothing sent
    expect(call.sent.slice(1).map(ids)).toEqual([['UPDATE:web2'], ['REMOVE:web1']]);
    expect(call.sent.every((m, i) => i === 0 || m.initial === false)).toBe(true);
    expect(Number(call.sent[2].storeVersion)).toBeGreaterThan(Number(call.sent[1].storeVersion));
  });

  it('follows every object of a kind when no ids are given, and stops when cancelled', async () => {
    const { store, watch } = await setup();
    const call = watch([entry({ kind: 'SERVICE' })]);
    expect(ids(call.sent[0])).toEqual(['UPDATE:svc-db', 'UPDATE:svc-web']);
    call.emit('cancelled');
    await store.update((tx) => tx.services.delete('svc-db'));
    expect(call.sent).toHaveLength(1);
  });

  it('cuts off a watcher that stopped reading', async () => {
    const { store, watch } = await setup();
    const call = watch([entry({})]);
    call.writableLength = MAX_UNREAD_MESSAGES;
    await store.update((tx) => tx.tasks.delete('web1'));
    expect(call.error?.code).toBe(8); // RESOURCE_EXHAUSTED
    expect(call.sent).toHaveLength(1);
  });

  it('ends with UNAVAILABLE when this manager stops leading', async () => {
    const { store, raft, ctx, watch } = await setup();
    const call = watch([entry({})]);
    ctx.isLeader = false;
    raft.emit('role');
    expect(call.error?.code).toBe(14);
    await store.update((tx) => tx.tasks.delete('web1'));
    expect(call.sent).toHaveLength(1);
  });

  it('refuses requests that name nothing or something wrong, naming the field', () => {
    const check = (entries: WatchEntry__Output[]) => () => validateWatch({ entries });
    expect(check([])).toThrow(/^entries: name at least one/);
    expect(check([entry({}), entry({ kind: 7 as unknown as 'TASK' })])).toThrow(
      /^entries\[1\]\.kind: expected TASK or SERVICE, got 7/,
    );
    expect(check([entry({ ids: [''] })])).toThrow(/^entries\[0\]\.ids: ids must not be empty/);
    expect(check([entry({ kind: 'SERVICE', serviceIds: ['svc-web'] })])).toThrow(
      /^entries\[0\]\.service_ids: only TASK entries/,
    );
    expect(check([entry({ serviceIds: ['svc-web'] })])).not.toThrow();
  });
});
