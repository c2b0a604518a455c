// The write-ahead log: an append-only sequence of segment files, each a run of
// checksummed records (record.ts). `save` writes a batch with one write and one fdatasync,
// so nothing that depends on it is acknowledged before it is on disk.
//
// Segment names are `<seq>-<firstIndex>.wal` (16 hex digits each): `firstIndex` is the
// index the log would append next when the segment was created, which tells compaction
// when every entry of the previous segment is covered by a snapshot. Each new segment
// starts with the current hard state, conf state and snapshot marker, so dropping older
// segments never drops the latest of those.
import * as fs from 'fs';
import * as path from 'path';
import { ConfState, HardState } from '../types';
import { fdatasync, fsyncDir, mkdirDurable, writeAll } from './fsutil';
import { RecordKind, WalRecord, encodeRecords, scanRecord } from './record';

export const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;

export class WalCorruptionError extends Error {
  constructor(
    public readonly file: string,
    public readonly offset: number,
    reason: string,
  ) {
    super(
      `WAL corrupted: ${file} at offset ${offset}: ${reason}. Refusing to start: the damaged record is ` +
        `not the last one, so acknowledged data may be lost. Restore this member from its peers ` +
        `(remove it from the cluster, wipe its data directory, re-join).`,
    );
    this.name = 'WalCorruptionError';
  }
}

/** What start-up repaired: a record cut short by a crash, removed from the end of the log. */
export interface TornTail {
  file: string;
  offset: number; // where the file now ends
  droppedBytes: number;
  reason: string;
}

interface Segment {
  seq: number;
  firstIndex: number;
  file: string;
}

const SEGMENT_RE = /^([0-9a-f]{16})-([0-9a-f]{16})\.wal$/;
const hex16 = (n: number): string => n.toString(16).padStart(16, '0');

export interface WalOptions {
  segmentBytes?: number;
}

export interface WalReplay {
  records: WalRecord[];
  tornTail?: TornTail;
}

export class Wal {
  private segments: Segment[] = [];
  private fd = -1;
  private size = 0;
  private lastIndex = 0;
  private hardState: HardState | undefined;
  private confState: ConfState | undefined;
  private snapshotMark: { index: number; term: number } | undefined;
  private closed = false;
  private readonly segmentBytes: number;

  private constructor(
    readonly dir: string,
    opts: WalOptions,
  ) {
    this.segmentBytes = opts.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
    if (!(this.segmentBytes > 0))
      throw new RangeError(`segmentBytes must be positive, got ${opts.segmentBytes}`);
  }

  /**
   * Opens (or creates) the WAL in `dir` and returns every record in order. A torn last record
   * is truncated away and reported; any other damage throws WalCorruptionError.
   */
  static open(dir: string, opts: WalOptions = {}): { wal: Wal; replay: WalReplay } {
    mkdirDurable(dir);
    const wal = new Wal(dir, opts);
    const segments = fs
      .readdirSync(dir)
      .map((name) => ({ name, m: SEGMENT_RE.exec(name) }))
      .filter((x) => x.m)
      .map((x) => ({
        seq: parseInt(x.m![1], 16),
        firstIndex: parseInt(x.m![2], 16),
        file: path.join(dir, x.name),
      }))
      .sort((a, b) => a.seq - b.seq);
    for (let i = 1; i < segments.length; i++) {
      if (segments[i].seq !== segments[i - 1].seq + 1) {
        throw new WalCorruptionError(
          segments[i].file,
          0,
          `segment ${segments[i - 1].seq + 1} is missing (found ${segments[i - 1].seq} then ${segments[i].seq})`,
        );
      }
    }
    const replay: WalReplay = { records: [] };
    segments.forEach((seg, i) => {
      const buf = fs.readFileSync(seg.file);
      let off = 0;
      for (;;) {
        const r = scanRecord(buf, off);
        if (r.status === 'end') break;
        if (r.status === 'ok') {
          replay.records.push(r.record);
          wal.track(r.record);
          off = r.next;
          continue;
        }
        if (r.status === 'corrupt' || i !== segments.length - 1)
          throw new WalCorruptionError(seg.file, off, r.reason);
        const fd = fs.openSync(seg.file, 'r+');
        try {
          fs.ftruncateSync(fd, off);
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
        replay.tornTail = { file: seg.file, offset: off, droppedBytes: buf.length - off, reason: r.reason };
        break;
      }
    });
    wal.segments = segments;
    if (segments.length === 0) {
      wal.createSegment(0, 1);
    } else {
      const last = segments[segments.length - 1];
      wal.fd = fs.openSync(last.file, 'a');
      wal.size = fs.fstatSync(wal.fd).size;
    }
    return { wal, replay };
  }

  /**
   * Appends the records durably: one write, one fdatasync; then rolls to a new segment if
   * full. `sync: false` skips the fdatasync, for records nothing depends on yet (a commit
   * index alone); a later synced save covers them.
   */
  async save(records: WalRecord[], sync = true): Promise<void> {
    if (this.closed) throw new Error('WAL is closed');
    if (records.length === 0) return;
    const buf = encodeRecords(records);
    writeAll(this.fd, buf);
    if (sync) await fdatasync(this.fd);
    this.size += buf.length;
    for (const r of records) this.track(r);
    if (this.size >= this.segmentBytes) this.roll();
  }

  /** Removes whole segments whose entries are all at or below `index` (covered by a snapshot). */
  releaseTo(index: number): number {
    let drop = 0;
    while (drop + 1 < this.segments.length && this.segments[drop + 1].firstIndex - 1 <= index) drop++;
    if (drop === 0) return 0;
    for (const seg of this.segments.slice(0, drop)) fs.unlinkSync(seg.file);
    this.segments = this.segments.slice(drop);
    fsyncDir(this.dir);
    return drop;
  }

  segmentFiles(): string[] {
    return this.segments.map((s) => s.file);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
  }

  private track(r: WalRecord): void {
    switch (r.kind) {
      case RecordKind.Entry:
        this.lastIndex = r.entry.index;
        break;
      case RecordKind.HardState:
        this.hardState = r.hardState;
        break;
      case RecordKind.ConfState:
        this.confState = r.confState;
        break;
      case RecordKind.Snapshot:
        this.snapshotMark = { index: r.index, term: r.term };
        if (r.index > this.lastIndex) this.lastIndex = r.index;
        break;
    }
  }

  private roll(): void {
    const last = this.segments[this.segments.length - 1];
    fs.closeSync(this.fd);
    this.createSegment(last.seq + 1, this.lastIndex + 1);
  }

  private createSegment(seq: number, firstIndex: number): void {
    const file = path.join(this.dir, `${hex16(seq)}-${hex16(firstIndex)}.wal`);
    const header: WalRecord[] = [];
    if (this.snapshotMark) header.push({ kind: RecordKind.Snapshot, ...this.snapshotMark });
    if (this.confState) header.push({ kind: RecordKind.ConfState, confState: this.confState });
    if (this.hardState) header.push({ kind: RecordKind.HardState, hardState: this.hardState });
    // Written under a temporary name so a crash never leaves a segment without its header.
    const tmp = `${file}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    const buf = encodeRecords(header);
    fs.writeSync(fd, buf);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, file);
    fsyncDir(this.dir);
    this.fd = fs.openSync(file, 'a');
    this.size = buf.length;
    this.segments.push({ seq, firstIndex, file });
  }
}
