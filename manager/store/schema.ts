// Normalizes objects to the exact shape proto-loader produces (`__Output` types: every
// field present, defaults filled, enums as names, oneof discriminators set), using the
// same .proto contract via protobufjs. The proposer normalizes before proposing, so the
// store, the control API and the dispatcher all see one shape.
import * as path from 'path';
import * as protobuf from 'protobufjs';
import { protoDir } from '../../proto/load';
import type { TableName } from './tables';

const TYPE_NAMES: Record<TableName, string> = {
  clusters: 'shoal.api.Cluster',
  nodes: 'shoal.api.Node',
  services: 'shoal.api.Service',
  tasks: 'shoal.api.Task',
  networks: 'shoal.api.Network',
  secrets: 'shoal.api.Secret',
  configs: 'shoal.api.Config',
};

const TO_OBJECT: protobuf.IConversionOptions = {
  longs: Number,
  enums: String,
  bytes: Buffer as never,
  defaults: true,
  oneofs: true,
};

let root: protobuf.Root | undefined;
const types = new Map<TableName, protobuf.Type>();

function typeFor(table: TableName): protobuf.Type {
  let type = types.get(table);
  if (!type) {
    root ??= protobuf.loadSync(path.join(protoDir(), 'objects.proto'));
    type = root.lookupType(TYPE_NAMES[table]);
    types.set(table, type);
  }
  return type;
}

/**
 * Returns a fresh, fully defaulted copy of `obj` as a `table` object. Throws an Error
 * naming the offending field when the shape is wrong (e.g. a string where a message is
 * expected).
 */
export function normalize<T>(table: TableName, obj: unknown): T {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new Error(`${table}: expected an object, got ${obj === null ? 'null' : typeof obj}`);
  }
  const type = typeFor(table);
  let message: protobuf.Message;
  try {
    message = type.fromObject(obj as Record<string, unknown>);
  } catch (err) {
    throw new Error(`${table}: ${(err as Error).message.replace(/^\.shoal\.api\./, '')}`, { cause: err });
  }
  return type.toObject(message, TO_OBJECT) as T;
}
