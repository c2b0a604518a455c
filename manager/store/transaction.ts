// A transaction is what the proposer sends through raft: a versioned JSON document of
// create/update/delete actions, with the timestamp (and ids, inside the objects) chosen
// by the proposer so that apply needs neither a clock nor randomness.
import { decodeJson, encodeJson, isPlainJson } from './codec';
import { StoreError } from './errors';
import { TABLE_NAMES, TableName } from './tables';

export const TX_FORMAT_VERSION = 1;
export const MAX_ACTIONS = 10_000;

export type Action =
  | { op: 'create'; table: TableName; object: Record<string, unknown> }
  /** object.meta.version is the version the update was computed from. */
  | { op: 'update'; table: TableName; object: Record<string, unknown> }
  | { op: 'delete'; table: TableName; id: string; version?: number }
  /**
   * An update written as the top-level fields that changed: the object at `version`
   * with `set` laid over it. Most writes change a task's status or node and nothing
   * else; sending the whole task (spec and all) made encoding and decoding the largest
   * cost of the leader (bench/scale).
   */
  | { op: 'patch'; table: TableName; id: string; version: number; set: Record<string, unknown> };

export interface Transaction {
  v: typeof TX_FORMAT_VERSION;
  /** Milliseconds since the epoch, chosen by the proposer: created_at/updated_at. */
  ts: number;
  actions: Action[];
}

export function encodeTransaction(tx: Transaction): Uint8Array {
  return encodeJson(tx);
}

/** The bytes, and whether decoding them gives back exactly `tx` (see isPlainJson). */
export function encodeTransactionExact(tx: Transaction): { bytes: Uint8Array; exact: boolean } {
  if (isPlainJson(tx)) return { bytes: Buffer.from(JSON.stringify(tx), 'utf8'), exact: true };
  return { bytes: encodeJson(tx), exact: false };
}

function invalid(message: string, action?: number): StoreError {
  return new StoreError({ code: 'invalid', message, action });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** Decodes and checks the envelope; throws StoreError('invalid') naming what is wrong. */
export function decodeTransaction(bytes: Uint8Array): Transaction {
  let raw: unknown;
  try {
    raw = decodeJson(bytes);
  } catch (err) {
    throw invalid(`transaction: not valid JSON (${(err as Error).message})`);
  }
  return checkTransaction(raw);
}

/** The envelope checks of decodeTransaction, on an already decoded value. */
export function checkTransaction(raw: unknown): Transaction {
  if (!isPlainObject(raw)) throw invalid('transaction: expected an object');
  if (raw.v !== TX_FORMAT_VERSION) {
    throw invalid(
      `transaction: format version ${JSON.stringify(raw.v)} is not supported (expected ${TX_FORMAT_VERSION})`,
    );
  }
  if (!Number.isSafeInteger(raw.ts) || (raw.ts as number) < 0)
    throw invalid('transaction.ts: must be a non-negative integer');
  if (!Array.isArray(raw.actions)) throw invalid('transaction.actions: must be an array');
  if (raw.actions.length > MAX_ACTIONS)
    throw invalid(`transaction.actions: at most ${MAX_ACTIONS} per transaction`);
  raw.actions.forEach((a: unknown, i: number) => {
    const where = `transaction.actions[${i}]`;
    if (!isPlainObject(a)) throw invalid(`${where}: expected an object`, i);
    if (!TABLE_NAMES.includes(a.table as TableName))
      throw invalid(`${where}.table: unknown table ${JSON.stringify(a.table)}`, i);
    if (a.op === 'create' || a.op === 'update') {
      if (!isPlainObject(a.object)) throw invalid(`${where}.object: expected an object`, i);
    } else if (a.op === 'patch') {
      if (typeof a.id !== 'string' || a.id === '')
        throw invalid(`${where}.id: must be a non-empty string`, i);
      if (!Number.isSafeInteger(a.version)) throw invalid(`${where}.version: must be an integer`, i);
      if (!isPlainObject(a.set)) throw invalid(`${where}.set: expected an object`, i);
      if ('id' in a.set || 'meta' in a.set) throw invalid(`${where}.set: cannot change id or meta`, i);
    } else if (a.op === 'delete') {
      if (typeof a.id !== 'string' || a.id === '')
        throw invalid(`${where}.id: must be a non-empty string`, i);
      if (a.version !== undefined && !Number.isSafeInteger(a.version))
        throw invalid(`${where}.version: must be an integer`, i);
    } else {
      throw invalid(`${where}.op: must be create, update, patch or delete, got ${JSON.stringify(a.op)}`, i);
    }
  });
  return raw as unknown as Transaction;
}
