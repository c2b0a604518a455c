// The core's LogStorage backed by disk: the WAL (entries, hard state, conf state,
// snapshot markers) plus snapshot files, with the stable log kept in memory between a
// snapshot and the last entry (bounded by compaction), as etcd does.
//
// Write path (the driver, once per Ready): `save` persists hard state, entries and an
// installed snapshot with ONE fdatasync, then updates the in-memory view the core reads.
import { Wal, TornTail, WalOptions } from './wal';
import { Snapshotter } from './snapshotter';
import { RecordKind, WalRecord } from './record';
import * as path from 'path';
import {
  CompactedError,
  ConfState,
  Entry,
  HardState,
  LogStorage,
  Snapshot,
  UnavailableError,
  assertIndex,
} from '../types';

export interface DiskStorageOptions extends WalOptions {
  /** Called with human-readable notices, e.g. a torn WAL tail that was repaired. */
  logger?: (msg: string) => void;
  /** Snapshot files kept on disk (the newest N). */
  keepSnapshots?: number;
}

export interface PersistBatch {
  hardState?: HardState;
  entries: Entry[];
  snapshot?: Snapshot;
  /** false when nothing in the batch needs to be durable before it is acted on (Ready.mustSync). */
  sync?: boolean;
}

const EMPTY_CONF: ConfState = { voters: [], learners: [] };

export class DiskStorage implements LogStorage {
  /** Set when start-up cut a torn record off the end of the WAL. */
  readonly tornTail?: TornTail;
  private offsetIndex = 0; // index of the entry just before ents[0] (the snapshot's)
  private offsetTerm = 0;
  private ents: Entry[] = [];
  private hard: HardState = { term: 0, vote: 0, commit: 0 };
  private conf: ConfState = EMPTY_CONF;
  private snap: Snapshot = { meta: { index: 0, term: 0, confState: EMPTY_CONF }, data: new Uint8Array(0) };
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly wal: Wal,
    private readonly snapshotter: Snapshotter,
    tornTail: TornTail | undefined,
  ) {
    this.tornTail = tornTail;
  }

  static open(dir: string, opts: DiskStorageOptions = {}): DiskStorage {
    const log = opts.logger ?? (() => {});
    const snapshotter = new Snapshotter(path.join(dir, 'snap'), opts.keepSnapshots ?? 2, log);
    const snapshot = snapshotter.loadNewest();
    const { wal, replay } = Wal.open(path.join(dir, 'wal'), opts);
    const s = new DiskStorage(wal, snapshotter, replay.tornTail);
    if (replay.tornTail) {
      const t = replay.tornTail;
      log(
        `WAL: repaired a torn last record in ${t.file} (offset ${t.offset}, ${t.droppedBytes} bytes dropped: ${t.reason})`,
      );
    }
    try {
      s.rebuild(replay.records, snapshot);
    } catch (err) {
      wal.close();
      throw err;
    }
    return s;
  }

  /** True when nothing was ever persisted here: the caller bootstraps the membership. */
  isEmpty(): boolean {
    return this.hard.term === 0 && this.lastIndex() === 0 && this.snap.meta.index === 0;
  }

  // ---- LogStorage (read by the core) ----

  initialState(): { hardState: HardState; confState: ConfState } {
    return { hardState: { ...this.hard }, confState: cloneConf(this.conf) };
  }

  entries(lo: number, hi: number, maxBytes?: number): Entry[] {
    if (lo <= this.offsetIndex) throw new CompactedError(lo);
    if (hi > this.lastIndex() + 1) throw new UnavailableError(hi - 1);
    const out = this.ents.slice(lo - this.offsetIndex - 1, hi - this.offsetIndex - 1);
    if (maxBytes === undefined || out.length <= 1) return out;
    let size = 0;
    for (let i = 0; i < out.length; i++) {
      size += out[i].data.length + 24;
      if (size > maxBytes && i > 0) return out.slice(0, i);
    }
    return out;
  }

  term(index: number): number {
    if (index === this.offsetIndex) return this.offsetTerm;
    if (index < this.offsetIndex) throw new CompactedError(index);
    if (index > this.lastIndex()) throw new UnavailableError(index);
    return this.ents[index - this.offsetIndex - 1].term;
  }

  firstIndex(): number {
    return this.offsetIndex + 1;
  }

  lastIndex(): number {
    return this.offsetIndex + this.ents.length;
  }

  snapshot(): Snapshot {
    return this.snap;
  }

  // ---- write path (the driver) ----

  /** Persists one Ready's state with a single fdatasync, then exposes it to the core. */
  save(batch: PersistBatch): Promise<void> {
    return this.serial(async () => {
      const records: WalRecord[] = [];
      if (batch.snapshot) {
        // The file first: a WAL marker must never point at a snapshot that is not on disk.
        this.snapshotter.save(batch.snapshot);
        const { index, term, confState } = batch.snapshot.meta;
        records.push({ kind: RecordKind.Snapshot, index, term }, { kind: RecordKind.ConfState, confState });
      }
      for (const entry of batch.entries) records.push({ kind: RecordKind.Entry, entry });
      if (batch.hardState) records.push({ kind: RecordKind.HardState, hardState: batch.hardState });
      await this.wal.save(
        records,
        batch.sync !== false || batch.snapshot !== undefined || batch.entries.length > 0,
      );
      if (batch.snapshot) this.installSnapshot(batch.snapshot);
      if (batch.entries.length) this.appendInMemory(batch.entries);
      if (batch.hardState) this.hard = { ...batch.hardState };
    });
  }

  /** Records the membership in force (after the driver applies a conf change). */
  saveConfState(confState: ConfState): Promise<void> {
    return this.serial(async () => {
      await this.wal.save([{ kind: RecordKind.ConfState, confState }]);
      this.conf = cloneConf(confState);
    });
  }

  /**
   * Writes a snapshot of the state machine as of `index` (applied on this node), then
   * compacts the log to `index - keepEntries` (entries kept so slow followers can catch
   * up without a snapshot) and removes WAL segments that are wholly covered.
   */
  createSnapshot(index: number, confState: ConfState, data: Uint8Array, keepEntries = 0): Promise<Snapshot> {
    return this.serial(async () => {
      assertIndex(index, 'snapshot index');
      if (index <= this.snap.meta.index) return this.snap;
      if (index > this.lastIndex()) {
        throw new RangeError(`snapshot index ${index} is beyond the last stored entry ${this.lastIndex()}`);
      }
      const snap: Snapshot = {
        meta: { index, term: this.term(index), confState: cloneConf(confState) },
        data,
      };
      this.snapshotter.save(snap);
      await this.wal.save([{ kind: RecordKind.Snapshot, index, term: snap.meta.term }]);
      this.snap = snap;
      this.compactInMemory(Math.max(this.offsetIndex, index - keepEntries));
      this.wal.releaseTo(this.offsetIndex);
      return snap;
    });
  }

  walFiles(): string[] {
    return this.wal.segmentFiles();
  }

  snapshotFiles(): string[] {
    return this.snapshotter.files();
  }

  /** Waits for pending writes, then closes the files. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.chain.catch(() => {});
    this.wal.close();
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('storage is closed'));
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => {});
    return run;
  }

  private appendInMemory(entries: Entry[]): void {
    const first = entries[0].index;
    if (first <= this.offsetIndex) {
      // Already covered by the snapshot: keep only what lies beyond it.
      const skip = this.offsetIndex + 1 - first;
      if (skip >= entries.length) return;
      entries = entries.slice(skip);
    }
    const at = entries[0].index - this.offsetIndex - 1;
    if (at > this.ents.length) {
      throw new Error(
        `missing log entries: appending ${entries[0].index} after last index ${this.lastIndex()}`,
      );
    }
    if (at < this.ents.length) this.ents.length = at; // a new leader overwrote our uncommitted tail
    for (const e of entries) this.ents.push(e);
  }

  private installSnapshot(snapshot: Snapshot): void {
    const { index, term } = snapshot.meta;
    this.resetTo(index, term);
    this.snap = snapshot;
    this.conf = cloneConf(snapshot.meta.confState);
    if (this.hard.commit < index) this.hard = { ...this.hard, commit: index };
  }

  // Drops entries up to `index`, or everything if our entry there differs (a stale log).
  private resetTo(index: number, term: number): void {
    if (index > this.offsetIndex && index <= this.lastIndex() && this.term(index) === term) {
      this.compactInMemory(index);
    } else if (index > this.offsetIndex || (index === this.offsetIndex && term !== this.offsetTerm)) {
      this.ents = [];
      this.offsetIndex = index;
      this.offsetTerm = term;
    }
  }

  private compactInMemory(index: number): void {
    if (index <= this.offsetIndex) return;
    this.offsetTerm = this.term(index);
    this.ents = this.ents.slice(index - this.offsetIndex);
    this.offsetIndex = index;
  }

  // Replays the WAL over the newest snapshot file. Segments dropped by compaction leave gaps
  // before the first surviving entry; those must be covered by the snapshot.
  private rebuild(records: WalRecord[], snapshot: Snapshot | undefined): void {
    let termUnknownAtOffset = false;
    let lastMark = 0;
    for (const r of records) {
      switch (r.kind) {
        case RecordKind.Entry: {
          const e = r.entry;
          if (e.index > this.lastIndex() + 1) {
            this.ents = [];
            this.offsetIndex = e.index - 1;
            this.offsetTerm = 0;
            termUnknownAtOffset = true;
          }
          this.appendInMemory([e]);
          break;
        }
        case RecordKind.HardState:
          this.hard = r.hardState;
          break;
        case RecordKind.ConfState:
          this.conf = r.confState;
          break;
        case RecordKind.Snapshot:
          lastMark = Math.max(lastMark, r.index);
          if (termUnknownAtOffset && r.index === this.offsetIndex) {
            this.offsetTerm = r.term;
            termUnknownAtOffset = false;
          } else {
            const before = this.offsetIndex;
            this.resetTo(r.index, r.term);
            if (this.offsetIndex !== before) termUnknownAtOffset = false;
          }
          break;
      }
    }
    const snapIndex = snapshot?.meta.index ?? 0;
    if (lastMark > snapIndex) {
      throw new Error(
        `the WAL in ${this.wal.dir} refers to a snapshot at index ${lastMark}, but the newest readable ` +
          `snapshot file is at ${snapIndex}; refusing to start without it`,
      );
    }
    if (snapshot) {
      const { index, term } = snapshot.meta;
      if (this.offsetIndex > index) {
        throw new Error(
          `the WAL in ${this.wal.dir} starts at index ${this.offsetIndex + 1} but the snapshot ends at ${index}: ` +
            `entries ${index + 1}..${this.offsetIndex} are missing`,
        );
      }
      if (termUnknownAtOffset && index === this.offsetIndex) this.offsetTerm = term;
      else this.resetTo(index, term);
      this.snap = snapshot;
      if (!records.some((r) => r.kind === RecordKind.ConfState))
        this.conf = cloneConf(snapshot.meta.confState);
      if (this.hard.commit < index) this.hard = { ...this.hard, commit: index };
    } else if (this.offsetIndex > 0) {
      throw new Error(
        `the WAL in ${this.wal.dir} starts at index ${this.offsetIndex + 1} but there is no snapshot file ` +
          `covering the entries before it`,
      );
    }
    if (this.hard.commit > this.lastIndex()) {
      throw new Error(
        `hard state commit ${this.hard.commit} is beyond the last entry ${this.lastIndex()} in ${this.wal.dir}`,
      );
    }
  }
}

function cloneConf(c: ConfState): ConfState {
  return { voters: [...c.voters], learners: [...c.learners] };
}
