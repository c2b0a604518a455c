// Normalizes objects to the exact shape proto-loader produces (`__Output` types: every
// field present, defaults filled, enums as names, oneof discriminators set), using the
// same .proto contract via protobufjs. The proposer normalizes before proposing, so the
// store, the control API and the dispatcher all see one shape.
import * as protobuf from 'protobufjs';
import { protoRoot } from '../../proto/load';
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

const types = new Map<TableName, protobuf.Type>();

function typeFor(table: TableName): protobuf.Type {
  let type = types.get(table);
  if (!type) {
    type = protoRoot('objects.proto').lookupType(TYPE_NAMES[table]); // resolved: fits() reads field.resolvedType
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
  // A frozen value can only be part of an object the store holds (the store is the only
  // code that freezes, and only what it has normalized): a task built from its
  // service's spec, or a copy of a stored task with a new status, carries such parts
  // unchanged. They are kept as they are instead of being converted again, which was
  // most of the cost of a write (bench/scale). Fields of a oneof are always converted,
  // since the discriminator toObject sets depends on them.
  let input = obj as Record<string, unknown>;
  let kept: Array<[string, unknown]> | undefined;
  for (const key in input) {
    const value = input[key];
    if (value === null || typeof value !== 'object' || !Object.isFrozen(value)) continue;
    const field = type.fields[key];
    if (!field || field.partOf || !fits(field, value)) continue;
    if (!kept) {
      kept = [];
      input = { ...input };
    }
    kept.push([key, value]);
    delete input[key];
  }
  let message: protobuf.Message;
  try {
    message = type.fromObject(input);
  } catch (err) {
    throw new Error(`${table}: ${(err as Error).message.replace(/^\.shoal\.api\./, '')}`, { cause: err });
  }
  const out = type.toObject(message, TO_OBJECT) as Record<string, unknown>;
  if (kept) for (const [key, value] of kept) out[key] = value;
  return out as T;
}

/** The shape a kept value must have for its field: an array, a map, or a message. */
function fits(field: protobuf.Field, value: object): boolean {
  if (field.repeated) return Array.isArray(value);
  if (field.map) return !Array.isArray(value);
  return field.resolvedType instanceof protobuf.Type && !Array.isArray(value);
}
