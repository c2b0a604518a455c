// A snapshot made by the driver carries the members' addresses next to the state
// machine's bytes: after compaction the conf-change entries that named them are gone,
// and a member restored from a snapshot must still know where its peers are.
// Layout: [u32 length of the JSON address table][JSON][state machine bytes].
import type { NodeId } from '../types';

export function wrapSnapshot(addresses: Map<NodeId, string>, state: Uint8Array): Uint8Array {
  const table = Buffer.from(JSON.stringify([...addresses.entries()]));
  const out = Buffer.allocUnsafe(4 + table.length + state.length);
  out.writeUInt32LE(table.length, 0);
  table.copy(out, 4);
  out.set(state, 4 + table.length);
  return out;
}

export function unwrapSnapshot(data: Uint8Array): { addresses: Map<NodeId, string>; state: Uint8Array } {
  if (data.length === 0) return { addresses: new Map(), state: data };
  if (data.length < 4) throw new RangeError(`snapshot data too short (${data.length} bytes)`);
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const len = buf.readUInt32LE(0);
  if (4 + len > buf.length) throw new RangeError(`snapshot address table (${len} bytes) runs past the data`);
  const pairs = JSON.parse(buf.subarray(4, 4 + len).toString()) as Array<[NodeId, string]>;
  return { addresses: new Map(pairs), state: data.subarray(4 + len) };
}
