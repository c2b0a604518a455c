// Encoding of a ConfChange inside a log entry of type EntryType.ConfChange. The layout
// is the core's; the driver decodes committed conf-change entries with decodeConfChange
// and hands the result to RawNode.applyConfChange.
import { ConfChangeType, type ConfChange } from '../types';

const VERSION = 1;

// [version u8][type u8][nodeId f64 LE][context bytes...]
export function encodeConfChange(cc: ConfChange): Uint8Array {
  if (!(cc.type in ConfChangeType)) throw new RangeError(`confChange.type is unknown: ${String(cc.type)}`);
  if (!Number.isSafeInteger(cc.nodeId) || cc.nodeId <= 0) {
    throw new RangeError(`confChange.nodeId must be a positive integer, got ${cc.nodeId}`);
  }
  const ctx = cc.context ?? new Uint8Array(0);
  const out = new Uint8Array(10 + ctx.length);
  const dv = new DataView(out.buffer);
  out[0] = VERSION;
  out[1] = cc.type;
  dv.setFloat64(2, cc.nodeId, true);
  out.set(ctx, 10);
  return out;
}

export function decodeConfChange(data: Uint8Array): ConfChange {
  if (data.length < 10) throw new RangeError(`conf change entry too short (${data.length} bytes)`);
  if (data[0] !== VERSION) throw new RangeError(`conf change entry has unknown version ${data[0]}`);
  const type = data[1] as ConfChangeType;
  if (!(type in ConfChangeType)) throw new RangeError(`conf change entry has unknown type ${type}`);
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const nodeId = dv.getFloat64(2, true);
  if (!Number.isSafeInteger(nodeId) || nodeId <= 0)
    throw new RangeError(`conf change entry has bad nodeId ${nodeId}`);
  const context = data.slice(10);
  return context.length > 0 ? { type, nodeId, context } : { type, nodeId };
}
