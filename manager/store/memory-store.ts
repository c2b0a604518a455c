// The replicated store as a deterministic state machine. Every manager applies the same
// transactions in the same order and must end in the same state, so apply uses only
// what is in the transaction (and the raft index): no clock, no randomness, no I/O.
// A transaction is validated against a staged view and committed only if every action
// passes; otherwise the result carries the first error and nothing changes.
import { decodeJson, encodeJson } from './codec';
import { StoreError, StoreErrorInfo } from './errors';
import { deepFreeze } from './freeze';
import { isSealed } from './sealing';
import { INDEXES, NOUN, slotKey, StoreObject, TABLE_NAMES, TableName, TableTypes } from './tables';
import { Action, checkTransaction, decodeTransaction, Transaction } from './transaction';

export const SNAPSHOT_FORMAT_VERSION = 1;
const ID_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;

export type EventKind = 'create' | 'update' | 'delete';

export interface StoreEvent<T extends TableName = TableName> {
  kind: EventKind;
  table: T;
  /** The object after the change (for delete: as it was). */
  object: TableTypes[T];
  /** For updates: the object before. */
  old?: TableTypes[T];
}

export type ApplyResult =
  { ok: true; version: number; events: StoreEvent[] } | { ok: false; version: number; error: StoreErrorInfo };

export interface WatchFilter {
  tables?: TableName[];
  kinds?: EventKind[];
  match?: (event: StoreEvent) => boolean;
}

export type WatchListener = (events: StoreEvent[], version: number) => void;

/** Also accepts the slim form (no events) that storeStateMachine returns through raft. */
export function isApplyResult(v: unknown): v is ApplyResult {
  return typeof v === 'object' && v !== null && typeof (v as ApplyResult).ok === 'boolean' && 'version' in v;
}

function fail(info: StoreErrorInfo): never {
  throw new StoreError(info);
}

type Staged = Map<TableName, Map<string, StoreObject | null>>;
type IndexMaps = Record<string, Map<string, Set<string>>>;

/** Read access shared by the store and transaction builders. */
export interface StoreReader {
  readonly version: number;
  get<T extends TableName>(table: T, id: string): TableTypes[T] | undefined;
  list<T extends TableName>(table: T): TableTypes[T][];
  byIndex<T extends TableName>(table: T, index: string, key: string): TableTypes[T][];
}

export class MemoryStore implements StoreReader {
  private data = new Map<TableName, Map<string, StoreObject>>();
  private indexes = new Map<TableName, IndexMaps>();
  private storeVersion = 0;
  private readonly listeners = new Set<{ filter: WatchFilter; listener: WatchListener }>();
  /** Transactions proposed from here and not yet applied, by byte length (see expectOwnProposal). */
  private readonly ownProposals = new Map<number, Array<{ bytes: Buffer; tx: Transaction }>>();
  /** Where listener exceptions go; they never affect apply. */
  onListenerError: (err: unknown) => void = () => {};

  constructor() {
    this.reset();
  }

  private reset(): void {
    for (const t of TABLE_NAMES) {
      this.data.set(t, new Map());
      const maps: IndexMaps = {};
      for (const name of Object.keys(INDEXES[t])) maps[name] = new Map();
      this.indexes.set(t, maps);
    }
    this.storeVersion = 0;
  }

  /** Version of the last applied transaction (the raft index when apply was given one). */
  get version(): number {
    return this.storeVersion;
  }

  // ------------------------------------------------------------------ reads

  get<T extends TableName>(table: T, id: string): TableTypes[T] | undefined {
    return this.data.get(table)!.get(id) as TableTypes[T] | undefined;
  }

  /** All objects of a table, in insertion order. Objects are frozen: clone to modify. */
  list<T extends TableName>(table: T): TableTypes[T][] {
    return [...this.data.get(table)!.values()] as TableTypes[T][];
  }

  byIndex<T extends TableName>(table: T, index: string, key: string): TableTypes[T][] {
    const maps = this.indexes.get(table)!;
    if (!maps[index]) throw new Error(`${table} has no index "${index}"`);
    const ids = maps[index].get(key);
    if (!ids) return [];
    const rows = this.data.get(table)!;
    return [...ids].map((id) => rows.get(id)!) as TableTypes[T][];
  }

  byName<T extends 'services' | 'networks' | 'secrets' | 'configs' | 'clusters'>(
    table: T,
    name: string,
  ): TableTypes[T] | undefined {
    return this.byIndex(table, 'name', name)[0];
  }

  tasksByService(serviceId: string): TableTypes['tasks'][] {
    return this.byIndex('tasks', 'service', serviceId);
  }

  tasksByNode(nodeId: string): TableTypes['tasks'][] {
    return this.byIndex('tasks', 'node', nodeId);
  }

  tasksBySlot(serviceId: string, slot: number): TableTypes['tasks'][] {
    return this.byIndex('tasks', 'slot', slotKey(serviceId, slot));
  }

  nodesByHostname(hostname: string): TableTypes['nodes'][] {
    return this.byIndex('nodes', 'hostname', hostname);
  }

  // ------------------------------------------------------------------ apply

  /**
   * The raft state machine entry point. Never throws: a bad or conflicting transaction
   * yields { ok: false } on every manager alike and changes nothing.
   * @param index the raft index of the entry; objects changed get it as their version.
   */
  apply(data: Uint8Array, index?: number): ApplyResult {
    if (data.length === 0) return { ok: true, version: this.storeVersion, events: [] };
    let tx: Transaction;
    try {
      const own = this.takeOwnProposal(data);
      tx = own ? checkTransaction(own) : decodeTransaction(data);
    } catch (err) {
      return { ok: false, version: this.storeVersion, error: toInfo(err) };
    }
    return this.applyTransaction(tx, index);
  }

  /**
   * Registers a transaction this replica is proposing, with its bytes: when an entry with
   * exactly these bytes is applied, `tx` is used instead of decoding them (decoding was
   * a large share of the leader's time). Only for a `tx` that decoding would reproduce
   * exactly (encodeTransactionExact says so) and that nobody modifies afterwards: apply
   * keeps its objects (frozen). Returns a function that forgets the registration.
   */
  expectOwnProposal(bytes: Uint8Array, tx: Transaction): () => void {
    const entry = { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), tx };
    let same = this.ownProposals.get(bytes.byteLength);
    if (!same) this.ownProposals.set(bytes.byteLength, (same = []));
    same.push(entry);
    return () => {
      const list = this.ownProposals.get(entry.bytes.byteLength);
      const i = list?.indexOf(entry) ?? -1;
      if (i < 0) return;
      list!.splice(i, 1);
      if (list!.length === 0) this.ownProposals.delete(entry.bytes.byteLength);
    };
  }

  private takeOwnProposal(data: Uint8Array): Transaction | undefined {
    const list = this.ownProposals.get(data.byteLength);
    if (!list) return undefined;
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const i = list.findIndex((e) => e.bytes.equals(bytes));
    if (i < 0) return undefined;
    const [entry] = list.splice(i, 1);
    if (list.length === 0) this.ownProposals.delete(data.byteLength);
    return entry.tx;
  }

  applyTransaction(tx: Transaction, index?: number): ApplyResult {
    const version = Math.max(this.storeVersion + 1, index ?? 0);
    let staged: Staged;
    let events: StoreEvent[];
    try {
      ({ staged, events } = this.stage(tx, version));
    } catch (err) {
      return { ok: false, version: this.storeVersion, error: toInfo(err) };
    }
    this.commit(staged, version);
    this.notify(events, version);
    return { ok: true, version, events };
  }

  /** Checks a transaction against the current state without applying it. */
  validate(tx: Transaction): StoreError | undefined {
    try {
      this.stage(tx, this.storeVersion + 1);
      return undefined;
    } catch (err) {
      return err instanceof StoreError ? err : new StoreError(toInfo(err));
    }
  }

  private stage(tx: Transaction, version: number): { staged: Staged; events: StoreEvent[] } {
    const staged: Staged = new Map();
    const events: StoreEvent[] = [];
    const touched = new Set<string>();
    const written: Array<{ table: TableName; id: string; obj: StoreObject; action: number }> = [];
    const current = (table: TableName, id: string): StoreObject | undefined => {
      const s = staged.get(table);
      if (s?.has(id)) return s.get(id) ?? undefined;
      return this.data.get(table)!.get(id);
    };
    const put = (table: TableName, id: string, obj: StoreObject | null) => {
      if (!staged.has(table)) staged.set(table, new Map());
      staged.get(table)!.set(id, obj);
    };

    tx.actions.forEach((action, i) => {
      const id = action.op === 'delete' || action.op === 'patch' ? action.id : (action.object.id as unknown);
      const noun = NOUN[action.table];
      if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
        fail({
          code: 'invalid',
          message: `${noun}.id: invalid id ${JSON.stringify(id)}`,
          table: action.table,
          action: i,
        });
      }
      const key = `${action.table}/${id}`;
      if (touched.has(key)) {
        fail({
          code: 'invalid',
          message: `${noun} ${id} appears twice in one transaction`,
          table: action.table,
          id,
          action: i,
        });
      }
      touched.add(key);
      const old = current(action.table, id);

      if (action.op === 'delete') {
        if (!old)
          fail({ code: 'not-found', message: `${noun} ${id} not found`, table: action.table, id, action: i });
        if (action.version !== undefined && old.meta?.version !== action.version) {
          fail(conflict(action.table, id, action.version, old, i));
        }
        put(action.table, id, null);
        events.push({ kind: 'delete', table: action.table, object: old });
        return;
      }

      if (action.op === 'patch') {
        if (!old)
          fail({ code: 'not-found', message: `${noun} ${id} not found`, table: action.table, id, action: i });
        if (old.meta?.version !== action.version) fail(conflict(action.table, id, action.version, old, i));
        const meta = { version, createdAt: old.meta?.createdAt ?? tx.ts, updatedAt: tx.ts };
        const next = { ...old, ...action.set, meta } as StoreObject;
        checkObject(action.table, next, i);
        put(action.table, id, next);
        written.push({ table: action.table, id, obj: next, action: i });
        events.push({ kind: 'update', table: action.table, object: next, old });
        return;
      }

      const obj = action.object as unknown as StoreObject;
      checkObject(action.table, obj, i);
      let meta;
      if (action.op === 'create') {
        if (old)
          fail({
            code: 'exists',
            message: `${noun} ${id} already exists`,
            table: action.table,
            id,
            action: i,
          });
        meta = { version, createdAt: tx.ts, updatedAt: tx.ts };
      } else {
        if (!old)
          fail({ code: 'not-found', message: `${noun} ${id} not found`, table: action.table, id, action: i });
        const expected = (obj.meta as { version?: unknown } | null)?.version;
        if (typeof expected !== 'number') {
          fail({
            code: 'invalid',
            message: `${noun} ${id}: meta.version is required for an update (the version it was read at)`,
            table: action.table,
            id,
            action: i,
          });
        }
        if (old.meta?.version !== expected) fail(conflict(action.table, id, expected, old, i));
        meta = { version, createdAt: old.meta?.createdAt ?? tx.ts, updatedAt: tx.ts };
      }
      const next = { ...obj, meta } as StoreObject;
      put(action.table, id, next);
      written.push({ table: action.table, id, obj: next, action: i });
      events.push(
        action.op === 'create'
          ? { kind: 'create', table: action.table, object: next }
          : { kind: 'update', table: action.table, object: next, old },
      );
    });
    // Uniqueness holds for the state after the transaction, so swapping two names works.
    for (const w of written) this.checkUnique(w.table, w.id, w.obj, staged, w.action);
    return { staged, events };
  }

  private checkUnique(table: TableName, id: string, obj: StoreObject, staged: Staged, action: number): void {
    for (const [indexName, spec] of Object.entries(INDEXES[table])) {
      if (!spec.unique) continue;
      for (const key of spec.keys(obj)) {
        const holders = new Set(this.indexes.get(table)![indexName].get(key) ?? []);
        for (const [sid, sobj] of staged.get(table) ?? [])
          if (sobj && spec.keys(sobj).includes(key)) holders.add(sid);
        for (const other of holders) {
          if (other === id) continue;
          const s = staged.get(table);
          const effective = s?.has(other) ? s.get(other) : this.data.get(table)!.get(other);
          if (effective && spec.keys(effective).includes(key)) {
            fail({
              code: 'name-conflict',
              message: `${NOUN[table]} ${spec.what} "${key}" is already in use by ${other}`,
              table,
              id,
              action,
            });
          }
        }
      }
    }
  }

  private commit(staged: Staged, version: number): void {
    for (const [table, changes] of staged) {
      const rows = this.data.get(table)!;
      for (const [id, obj] of changes) {
        const old = rows.get(id);
        if (old) this.unindex(table, id, old);
        if (obj) {
          rows.set(id, deepFreeze(obj));
          this.index(table, id, obj);
        } else {
          rows.delete(id);
        }
      }
    }
    this.storeVersion = version;
  }

  private index(table: TableName, id: string, obj: StoreObject): void {
    const maps = this.indexes.get(table)!;
    for (const [name, spec] of Object.entries(INDEXES[table])) {
      for (const key of spec.keys(obj)) {
        let ids = maps[name].get(key);
        if (!ids) maps[name].set(key, (ids = new Set()));
        ids.add(id);
      }
    }
  }

  private unindex(table: TableName, id: string, obj: StoreObject): void {
    const maps = this.indexes.get(table)!;
    for (const [name, spec] of Object.entries(INDEXES[table])) {
      for (const key of spec.keys(obj)) {
        const ids = maps[name].get(key);
        ids?.delete(id);
        if (ids?.size === 0) maps[name].delete(key);
      }
    }
  }

  // ------------------------------------------------------------------ watch

  /**
   * Calls `listener` after each applied transaction with its events that pass the filter
   * (never with an empty list). Subscribing right after reading, in the same tick, gives
   * a consistent "view then changes" (nothing can apply in between). Returns unsubscribe.
   */
  subscribe(filter: WatchFilter, listener: WatchListener): () => void {
    const entry = { filter, listener };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  /** Async-iterator form of subscribe; close() ends the iteration. */
  watch(filter: WatchFilter = {}): StoreWatch {
    return new StoreWatch(this, filter);
  }

  private notify(events: StoreEvent[], version: number): void {
    for (const { filter, listener } of [...this.listeners]) {
      const matching = events.filter(
        (e) =>
          (!filter.tables || filter.tables.includes(e.table)) &&
          (!filter.kinds || filter.kinds.includes(e.kind)) &&
          (!filter.match || filter.match(e)),
      );
      if (matching.length === 0) continue;
      try {
        listener(matching, version);
      } catch (err) {
        this.onListenerError(err);
      }
    }
  }

  // ------------------------------------------------------------------ snapshots

  /** Deterministic bytes: same state on two managers gives identical snapshots. */
  snapshot(): Uint8Array {
    const tables: Record<string, StoreObject[]> = {};
    for (const t of TABLE_NAMES) {
      tables[t] = [...this.data.get(t)!.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
    return encodeJson({ v: SNAPSHOT_FORMAT_VERSION, version: this.storeVersion, tables });
  }

  /** Replaces the whole state. Validates fully before touching anything. */
  restore(bytes: Uint8Array): void {
    const raw = decodeJson(bytes) as { v?: unknown; version?: unknown; tables?: Record<string, unknown> };
    if (raw?.v !== SNAPSHOT_FORMAT_VERSION) {
      throw new Error(
        `snapshot: format version ${JSON.stringify(raw?.v)} is not supported (expected ${SNAPSHOT_FORMAT_VERSION})`,
      );
    }
    if (!Number.isSafeInteger(raw.version) || (raw.version as number) < 0)
      throw new Error('snapshot.version: must be a non-negative integer');
    const fresh = new MemoryStore();
    const actions: Action[] = [];
    const metas = new Map<string, unknown>();
    for (const t of TABLE_NAMES) {
      const rows = raw.tables?.[t] ?? [];
      if (!Array.isArray(rows)) throw new Error(`snapshot.tables.${t}: must be an array`);
      for (const object of rows) {
        actions.push({ op: 'create', table: t, object });
        metas.set(`${t}/${(object as StoreObject).id}`, (object as StoreObject).meta);
      }
    }
    // Reuse apply's checks (ids, names, sealing); then put the recorded metas back.
    let staged: Staged;
    try {
      staged = fresh.stage({ v: 1, ts: 0, actions }, 0).staged;
    } catch (err) {
      throw new Error(`snapshot: ${(err as Error).message}`, { cause: err });
    }
    for (const [table, changes] of staged) {
      for (const [id, obj] of changes) (obj as { meta: unknown }).meta = metas.get(`${table}/${id}`);
    }
    fresh.commit(staged, raw.version as number);
    this.data = fresh.data;
    this.indexes = fresh.indexes;
    this.storeVersion = fresh.storeVersion;
  }

  /** Recomputes every index from the rows and throws if it differs (tests, debugging). */
  checkIndexes(): void {
    const rebuilt = new MemoryStore();
    for (const t of TABLE_NAMES) for (const [id, obj] of this.data.get(t)!) rebuilt.index(t, id, obj);
    for (const t of TABLE_NAMES) {
      for (const name of Object.keys(INDEXES[t])) {
        const a = this.indexes.get(t)![name];
        const b = rebuilt.indexes.get(t)![name];
        const norm = (m: Map<string, Set<string>>) =>
          JSON.stringify([...m].map(([k, v]) => [k, [...v].sort()]).sort((x, y) => (x[0] < y[0] ? -1 : 1)));
        if (norm(a) !== norm(b)) throw new Error(`index ${t}.${name} is inconsistent with the rows`);
      }
    }
  }
}

function conflict(
  table: TableName,
  id: string,
  expected: unknown,
  old: StoreObject,
  action: number,
): StoreErrorInfo {
  return {
    code: 'version-conflict',
    message: `update out of sequence: ${NOUN[table]} ${id} is at version ${old.meta?.version}, the change was made against version ${expected}; read it again and retry`,
    table,
    id,
    action,
  };
}

function toInfo(err: unknown): StoreErrorInfo {
  if (err instanceof StoreError) return err.toInfo();
  return { code: 'invalid', message: (err as Error)?.message ?? String(err) };
}

function checkObject(table: TableName, obj: StoreObject, action: number): void {
  const noun = NOUN[table];
  const bad = (message: string) =>
    fail({ code: 'invalid', message: `${noun} ${obj.id}: ${message}`, table, id: obj.id, action });
  const named = obj as { spec?: { annotations?: { name?: unknown } | null } | null };
  if (table !== 'nodes' && table !== 'tasks') {
    const name = named.spec?.annotations?.name;
    if (typeof name !== 'string' || name === '') bad('spec.annotations.name is required');
  }
  if (table === 'tasks') {
    const t = obj as TableTypes['tasks'];
    if (typeof t.serviceId !== 'string') bad('service_id must be a string');
    if (typeof t.nodeId !== 'string') bad('node_id must be a string');
    if (!Number.isSafeInteger(t.slot) || t.slot < 0) bad('slot must be a non-negative integer');
  }
  if (table === 'secrets') {
    const s = obj as TableTypes['secrets'];
    const data = s.spec?.data as unknown;
    if (data !== undefined && data !== null && !(data instanceof Uint8Array && data.length === 0)) {
      bad('spec.data holds plaintext; secret data must be sealed into sealed_data before it is proposed');
    }
    if (!isSealed(s.sealedData)) bad('sealed_data is missing or not sealed');
  }
  if (table === 'clusters') {
    const key = (obj as TableTypes['clusters']).rootCa?.sealedCaKey;
    if (key && !isSealed(key)) bad('root_ca.sealed_ca_key is not sealed');
  }
}

/** Async iteration over store events; buffers between reads. */
export class StoreWatch implements AsyncIterable<StoreEvent> {
  private readonly queue: StoreEvent[] = [];
  private waiting?: (r: IteratorResult<StoreEvent>) => void;
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(store: MemoryStore, filter: WatchFilter) {
    this.unsubscribe = store.subscribe(filter, (events) => {
      for (const e of events) {
        if (this.waiting) {
          const w = this.waiting;
          this.waiting = undefined;
          w({ value: e, done: false });
        } else {
          this.queue.push(e);
        }
      }
    });
  }

  next(): Promise<IteratorResult<StoreEvent>> {
    const e = this.queue.shift();
    if (e) return Promise.resolve({ value: e, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
  }

  [Symbol.asyncIterator](): AsyncIterator<StoreEvent> {
    return { next: () => this.next(), return: async () => (this.close(), { value: undefined, done: true }) };
  }
}
