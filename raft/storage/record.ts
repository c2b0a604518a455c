// Framing of WAL records: [u32 length][u32 crc32][u8 kind][payload]. `length` counts
// kind + payload; the crc covers the same bytes, so a flipped bit anywhere in a record
// (including its kind) is caught. Numbers are stored as float64: exact for every safe
// integer, which is the ceiling types.ts asserts for terms and indexes.
import * as zlib from 'zlib';
import { ConfState, Entry, EntryType, HardState, assertIndex } from '../types';

export const HEADER_BYTES = 8;
// Far above any sane batch; a larger length can only be garbage (torn or corrupt).
export const MAX_RECORD_BYTES = 256 * 1024 * 1024;

export enum RecordKind {
  Entry = 1,
  HardState = 2,
  // The log restarts after this snapshot: entries at or below its index are gone.
  Snapshot = 3,
  ConfState = 4,
}

export type WalRecord =
  | { kind: RecordKind.Entry; entry: Entry }
  | { kind: RecordKind.HardState; hardState: HardState }
  | { kind: RecordKind.Snapshot; index: number; term: number }
  | { kind: RecordKind.ConfState; confState: ConfState };

export const crc32: (data: Uint8Array) => number = (data) => zlib.crc32(data) >>> 0;

export function recordSize(r: WalRecord): number {
  return HEADER_BYTES + 1 + payloadSize(r);
}

function payloadSize(r: WalRecord): number {
  switch (r.kind) {
    case RecordKind.Entry:
      return 17 + r.entry.data.length;
    case RecordKind.HardState:
      return 24;
    case RecordKind.Snapshot:
      return 16;
    case RecordKind.ConfState:
      return 8 + 8 * (r.confState.voters.length + r.confState.learners.length);
  }
}

/** Writes `r` at `off` in `buf` (which must have room) and returns the offset after it. */
export function writeRecord(buf: Buffer, off: number, r: WalRecord): number {
  const start = off + HEADER_BYTES;
  let p = start;
  buf[p++] = r.kind;
  switch (r.kind) {
    case RecordKind.Entry:
      buf.writeDoubleLE(r.entry.term, p);
      buf.writeDoubleLE(r.entry.index, p + 8);
      buf[p + 16] = r.entry.type;
      p += 17;
      buf.set(r.entry.data, p);
      p += r.entry.data.length;
      break;
    case RecordKind.HardState:
      buf.writeDoubleLE(r.hardState.term, p);
      buf.writeDoubleLE(r.hardState.vote, p + 8);
      buf.writeDoubleLE(r.hardState.commit, p + 16);
      p += 24;
      break;
    case RecordKind.Snapshot:
      buf.writeDoubleLE(r.index, p);
      buf.writeDoubleLE(r.term, p + 8);
      p += 16;
      break;
    case RecordKind.ConfState:
      buf.writeUInt32LE(r.confState.voters.length, p);
      buf.writeUInt32LE(r.confState.learners.length, p + 4);
      p += 8;
      for (const id of [...r.confState.voters, ...r.confState.learners]) {
        buf.writeDoubleLE(id, p);
        p += 8;
      }
      break;
  }
  const len = p - start;
  buf.writeUInt32LE(len, off);
  buf.writeUInt32LE(crc32(buf.subarray(start, p)), off + 4);
  return p;
}

export function encodeRecords(records: WalRecord[]): Buffer {
  let size = 0;
  for (const r of records) size += recordSize(r);
  const buf = Buffer.allocUnsafe(size);
  let off = 0;
  for (const r of records) off = writeRecord(buf, off, r);
  return buf;
}

export type ScanResult =
  | { status: 'ok'; record: WalRecord; next: number }
  | { status: 'end' } // clean end of data
  | { status: 'torn'; reason: string } // incomplete or failing record that runs to the end of the data
  | { status: 'corrupt'; reason: string }; // a failing record with more data after it

/**
 * Decodes the record at `off`. A record that cannot be complete (header or payload runs past
 * the end), or that fails its checksum while being the very last thing in the data, or a run
 * of zero bytes up to the end (a filesystem that extended the file before the data landed), is
 * "torn": what a crash in the middle of an append leaves. Anything else that fails is corrupt.
 */
export function scanRecord(buf: Buffer, off: number): ScanResult {
  const remaining = buf.length - off;
  if (remaining === 0) return { status: 'end' };
  if (remaining < HEADER_BYTES)
    return { status: 'torn', reason: `only ${remaining} bytes of a record header` };
  const len = buf.readUInt32LE(off);
  const crc = buf.readUInt32LE(off + 4);
  if (len === 0) {
    return allZero(buf, off)
      ? { status: 'torn', reason: 'zero-filled tail' }
      : { status: 'corrupt', reason: 'record of length 0' };
  }
  if (len > MAX_RECORD_BYTES || off + HEADER_BYTES + len > buf.length) {
    // A length running past the end is what a torn header write looks like; one that is
    // absurd but followed by data we cannot judge either way, so the end-of-data rule decides.
    return len > MAX_RECORD_BYTES && off + HEADER_BYTES + MAX_RECORD_BYTES < buf.length
      ? { status: 'corrupt', reason: `record length ${len} is implausible` }
      : { status: 'torn', reason: `record of ${len} bytes runs past the end of the file` };
  }
  const body = buf.subarray(off + HEADER_BYTES, off + HEADER_BYTES + len);
  const next = off + HEADER_BYTES + len;
  if (crc32(body) !== crc) {
    return next === buf.length
      ? { status: 'torn', reason: 'checksum mismatch in the last record' }
      : { status: 'corrupt', reason: 'checksum mismatch' };
  }
  try {
    return { status: 'ok', record: decodeBody(body), next };
  } catch (err) {
    return { status: 'corrupt', reason: (err as Error).message };
  }
}

function allZero(buf: Buffer, off: number): boolean {
  for (let i = off; i < buf.length; i++) if (buf[i] !== 0) return false;
  return true;
}

function decodeBody(body: Buffer): WalRecord {
  const kind = body[0] as RecordKind;
  const need = (n: number) => {
    if (body.length < 1 + n)
      throw new Error(`record of kind ${kind} is ${body.length} bytes, needs ${1 + n}`);
  };
  switch (kind) {
    case RecordKind.Entry: {
      need(17);
      const type = body[17];
      if (type !== EntryType.Normal && type !== EntryType.ConfChange)
        throw new Error(`unknown entry type ${type}`);
      return {
        kind,
        entry: {
          term: assertIndex(body.readDoubleLE(1), 'entry.term'),
          index: assertIndex(body.readDoubleLE(9), 'entry.index'),
          type,
          // Copy: the entry outlives the file buffer, which may be large.
          data: Uint8Array.prototype.slice.call(body, 18),
        },
      };
    }
    case RecordKind.HardState:
      need(24);
      return {
        kind,
        hardState: {
          term: assertIndex(body.readDoubleLE(1), 'hardState.term'),
          vote: assertIndex(body.readDoubleLE(9), 'hardState.vote'),
          commit: assertIndex(body.readDoubleLE(17), 'hardState.commit'),
        },
      };
    case RecordKind.Snapshot:
      need(16);
      return {
        kind,
        index: assertIndex(body.readDoubleLE(1), 'snapshot.index'),
        term: assertIndex(body.readDoubleLE(9), 'snapshot.term'),
      };
    case RecordKind.ConfState: {
      need(8);
      const nv = body.readUInt32LE(1);
      const nl = body.readUInt32LE(5);
      need(8 + 8 * (nv + nl));
      const ids: number[] = [];
      for (let i = 0; i < nv + nl; i++)
        ids.push(assertIndex(body.readDoubleLE(9 + 8 * i), 'confState member'));
      return { kind, confState: { voters: ids.slice(0, nv), learners: ids.slice(nv) } };
    }
    default:
      throw new Error(`unknown record kind ${kind}`);
  }
}
