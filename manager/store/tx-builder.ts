// Builds a transaction on the proposing manager: reads see the local store plus this
// transaction's own pending changes; writes are normalized to the proto shape, get ids,
// and have secret data sealed, before anything is proposed.
import { StoreError } from './errors';
import { deepFreeze } from './freeze';
import { newId as defaultNewId } from './ids';
import type { StoreReader } from './memory-store';
import { normalize } from './schema';
import { associatedData, KeyRing } from './sealing';
import { INDEXES, NOUN, StoreObject, TableName, TableTypes } from './tables';
import { Action, Transaction, TX_FORMAT_VERSION } from './transaction';

/** A deep copy that keeps Buffers as Buffers (structuredClone would not). */
export function cloneObject<T>(value: T): T {
  if (value instanceof Uint8Array) return Buffer.from(value) as T;
  if (Array.isArray(value)) return value.map(cloneObject) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneObject(v);
    return out as T;
  }
  return value;
}

type Pending =
  | { op: 'create'; object: StoreObject }
  | { op: 'update'; object: StoreObject; expected: number }
  | { op: 'delete'; version?: number; expected?: number };

export interface BuilderOptions {
  keyring?: KeyRing;
  newId?: () => string;
}

export class TableTx<T extends TableName> {
  constructor(
    private readonly tx: TxBuilder,
    private readonly table: T,
  ) {}

  /** The object as this transaction would leave it (a copy you may modify). */
  get(id: string): TableTypes[T] | undefined {
    return this.tx.read(this.table, id);
  }

  /**
   * Like get, without the copy: the object is frozen. For hot paths that change a few
   * top-level fields: `update({ ...peek(id), status })` keeps the unchanged parts as
   * they are, so they are neither copied nor converted again.
   */
  peek(id: string): TableTypes[T] | undefined {
    return this.tx.peek(this.table, id);
  }

  list(): TableTypes[T][] {
    return this.tx.readAll(this.table);
  }

  byIndex(index: string, key: string): TableTypes[T][] {
    return this.tx.readIndex(this.table, index, key);
  }

  byName(name: string): TableTypes[T] | undefined {
    return this.byIndex('name', name)[0];
  }

  /** Creates an object; `id` is generated when absent. Returns the normalized object (frozen). */
  create(input: unknown): TableTypes[T] {
    return this.tx.create(this.table, input);
  }

  /** Replaces an object; its meta.version must be the version it was read at. Returns it normalized (frozen). */
  update(object: unknown): TableTypes[T] {
    return this.tx.update(this.table, object);
  }

  /** Deletes; with `version`, only if the object is still at that version. */
  delete(id: string, version?: number): void {
    this.tx.delete(this.table, id, version);
  }
}

export class TxBuilder {
  private readonly pending = new Map<string, { table: TableName; id: string; change: Pending }>();
  readonly clusters = new TableTx(this, 'clusters');
  readonly nodes = new TableTx(this, 'nodes');
  readonly services = new TableTx(this, 'services');
  readonly tasks = new TableTx(this, 'tasks');
  readonly networks = new TableTx(this, 'networks');
  readonly secrets = new TableTx(this, 'secrets');
  readonly configs = new TableTx(this, 'configs');

  constructor(
    private readonly store: StoreReader,
    private readonly opts: BuilderOptions = {},
  ) {}

  get size(): number {
    return this.pending.size;
  }

  read<T extends TableName>(table: T, id: string): TableTypes[T] | undefined {
    const p = this.pending.get(`${table}/${id}`);
    if (p) return p.change.op === 'delete' ? undefined : (cloneObject(p.change.object) as TableTypes[T]);
    const obj = this.store.get(table, id);
    return obj && cloneObject(obj);
  }

  peek<T extends TableName>(table: T, id: string): TableTypes[T] | undefined {
    const p = this.pending.get(`${table}/${id}`);
    if (p) return p.change.op === 'delete' ? undefined : (p.change.object as TableTypes[T]);
    return this.store.get(table, id);
  }

  readAll<T extends TableName>(table: T): TableTypes[T][] {
    const out = new Map<string, TableTypes[T]>();
    for (const o of this.store.list(table)) out.set(o.id, o);
    for (const { table: t, id, change } of this.pending.values()) {
      if (t !== table) continue;
      if (change.op === 'delete') out.delete(id);
      else out.set(id, change.object as TableTypes[T]);
    }
    return [...out.values()].map((o) => cloneObject(o));
  }

  readIndex<T extends TableName>(table: T, index: string, key: string): TableTypes[T][] {
    const ids = new Set(this.store.byIndex(table, index, key).map((o) => o.id));
    for (const { table: t, id } of this.pending.values()) if (t === table) ids.add(id);
    // Re-check membership on the transaction's view, since pending changes may move keys.
    return [...ids]
      .map((id) => this.read(table, id))
      .filter((o): o is TableTypes[T] => o !== undefined && indexKeys(table, index, o).includes(key));
  }

  create<T extends TableName>(table: T, input: unknown): TableTypes[T] {
    const obj = normalize<TableTypes[T]>(table, input);
    obj.id ||= (this.opts.newId ?? defaultNewId)();
    const key = `${table}/${obj.id}`;
    const prior = this.pending.get(key);
    if ((prior && prior.change.op !== 'delete') || (!prior && this.store.get(table, obj.id))) {
      throw new StoreError({
        code: 'exists',
        message: `${NOUN[table]} ${obj.id} already exists`,
        table,
        id: obj.id,
      });
    }
    this.seal(table, obj);
    (obj as { meta: unknown }).meta = null;
    if (prior?.change.op === 'delete') {
      // Delete then re-create in one transaction: becomes an update of the stored object.
      const expected = this.store.get(table, obj.id)!.meta!.version;
      this.pending.set(key, { table, id: obj.id, change: { op: 'update', object: obj, expected } });
    } else {
      this.pending.set(key, { table, id: obj.id, change: { op: 'create', object: obj } });
    }
    // Frozen, not copied: the caller may read it, and the transaction's copy stays as built.
    return deepFreeze(obj);
  }

  update<T extends TableName>(table: T, input: unknown): TableTypes[T] {
    const obj = normalize<TableTypes[T]>(table, input);
    const noun = NOUN[table];
    if (!obj.id)
      throw new StoreError({ code: 'invalid', message: `${noun}.id: required for an update`, table });
    const key = `${table}/${obj.id}`;
    const prior = this.pending.get(key);
    if (prior?.change.op === 'delete') {
      throw new StoreError({
        code: 'not-found',
        message: `${noun} ${obj.id} was deleted in this transaction`,
        table,
        id: obj.id,
      });
    }
    if (table === 'secrets' && (obj as TableTypes['secrets']).spec?.data?.length) {
      throw new StoreError({
        code: 'invalid',
        message: `secret ${obj.id}: spec.data cannot be updated (create a new secret to rotate it)`,
        table,
        id: obj.id,
      });
    }
    if (prior?.change.op === 'create') {
      prior.change.object = deepFreeze({ ...obj, meta: null } as StoreObject);
      return deepFreeze(obj);
    }
    let expected: number;
    if (prior?.change.op === 'update') {
      expected = prior.change.expected;
    } else {
      if (!this.store.get(table, obj.id)) {
        throw new StoreError({
          code: 'not-found',
          message: `${noun} ${obj.id} not found`,
          table,
          id: obj.id,
        });
      }
      if (!obj.meta || !obj.meta.version) {
        throw new StoreError({
          code: 'invalid',
          message: `${noun} ${obj.id}: meta.version is required for an update (the version it was read at)`,
          table,
          id: obj.id,
        });
      }
      expected = obj.meta.version;
    }
    this.pending.set(key, {
      table,
      id: obj.id,
      change: { op: 'update', object: obj as StoreObject, expected },
    });
    return deepFreeze(obj);
  }

  delete(table: TableName, id: string, version?: number): void {
    const key = `${table}/${id}`;
    const prior = this.pending.get(key);
    if (prior?.change.op === 'create') {
      this.pending.delete(key);
      return;
    }
    if (prior?.change.op === 'delete' || (!prior && !this.store.get(table, id))) {
      throw new StoreError({ code: 'not-found', message: `${NOUN[table]} ${id} not found`, table, id });
    }
    const expected = prior?.change.op === 'update' ? prior.change.expected : version;
    this.pending.set(key, { table, id, change: { op: 'delete', version: expected } });
  }

  build(ts: number): Transaction {
    const actions: Action[] = [];
    for (const { table, id, change } of this.pending.values()) {
      if (change.op === 'create') {
        actions.push({ op: 'create', table, object: change.object as unknown as Record<string, unknown> });
      } else if (change.op === 'update') {
        const set = this.changedFields(table, id, change.object, change.expected);
        if (set) {
          actions.push({ op: 'patch', table, id, version: change.expected, set });
          continue;
        }
        const object = {
          ...change.object,
          meta: { ...(change.object.meta ?? {}), version: change.expected },
        };
        actions.push({ op: 'update', table, object: object as unknown as Record<string, unknown> });
      } else {
        actions.push(
          change.version === undefined
            ? { op: 'delete', table, id }
            : { op: 'delete', table, id, version: change.version },
        );
      }
    }
    return { v: TX_FORMAT_VERSION, ts, actions };
  }

  /**
   * The top-level fields of `next` that differ from the stored object it was read at
   * (by identity for objects: unchanged parts of a peeked object are the stored ones),
   * or undefined when the stored object is not at `expected` or has other fields, so the
   * whole object is sent.
   */
  private changedFields(
    table: TableName,
    id: string,
    next: StoreObject,
    expected: number,
  ): Record<string, unknown> | undefined {
    const base = this.store.get(table, id) as Record<string, unknown> | undefined;
    if (!base || (base.meta as { version?: number } | null)?.version !== expected) return undefined;
    const after = next as unknown as Record<string, unknown>;
    for (const key in base) if (!(key in after)) return undefined;
    const set: Record<string, unknown> = {};
    for (const key in after) {
      if (key === 'meta' || key === 'id') continue;
      if (after[key] !== base[key]) set[key] = after[key];
    }
    return set;
  }

  private seal(table: TableName, obj: StoreObject): void {
    if (table !== 'secrets') return;
    const secret = obj as TableTypes['secrets'];
    if (!this.opts.keyring) {
      throw new StoreError({
        code: 'invalid',
        message: 'secrets cannot be stored: no data-encryption key is configured',
        table,
      });
    }
    const data = secret.spec?.data ?? Buffer.alloc(0);
    secret.sealedData = this.opts.keyring.seal(data, associatedData('secrets', secret.id));
    if (secret.spec) secret.spec.data = Buffer.alloc(0);
  }
}

function indexKeys(table: TableName, index: string, obj: StoreObject): string[] {
  return INDEXES[table][index]?.keys(obj) ?? [];
}
