import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { DiskStorage, WalCorruptionError } from '../../../raft/storage';
import { CompactedError, Entry, EntryType, Snapshot, UnavailableError } from '../../../raft/types';

let dir: string;
const open: DiskStorage[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoal-storage-'));
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function openStorage(opts: Parameters<typeof DiskStorage.open>[1] = {}): DiskStorage {
  const s = DiskStorage.open(dir, opts);
  open.push(s);
  return s;
}
async function reopen(
  s: DiskStorage,
  opts: Parameters<typeof DiskStorage.open>[1] = {},
): Promise<DiskStorage> {
  await s.close();
  return openStorage(opts);
}

const ent = (index: number, term: number, text = `e${index}`): Entry => ({
  index,
  term,
  type: EntryType.Normal,
  data: new Uint8Array(Buffer.from(text)),
});
const range = (lo: number, hi: number, term: number) =>
  Array.from({ length: hi - lo + 1 }, (_, i) => ent(lo + i, term));
const walDir = () => path.join(dir, 'wal');
const lastSegment = () => {
  const files = fs
    .readdirSync(walDir())
    .filter((f) => f.endsWith('.wal'))
    .sort();
  return path.join(walDir(), files[files.length - 1]);
};
const text = (e: Entry) => Buffer.from(e.data).toString();

describe('DiskStorage', () => {
  test('a fresh directory is empty', () => {
    const s = openStorage();
    expect(s.isEmpty()).toBe(true);
    expect(s.firstIndex()).toBe(1);
    expect(s.lastIndex()).toBe(0);
    expect(s.term(0)).toBe(0);
    expect(s.initialState().hardState).toEqual({ term: 0, vote: 0, commit: 0 });
  });

  test('round trip: entries and hard state survive a restart', async () => {
    let s = openStorage();
    await s.save({ entries: range(1, 5, 1), hardState: { term: 1, vote: 2, commit: 3 } });
    await s.save({ entries: range(6, 8, 2), hardState: { term: 2, vote: 0, commit: 7 } });
    expect(s.lastIndex()).toBe(8);
    s = await reopen(s);
    expect(s.tornTail).toBeUndefined();
    expect(s.initialState().hardState).toEqual({ term: 2, vote: 0, commit: 7 });
    expect(s.firstIndex()).toBe(1);
    expect(s.lastIndex()).toBe(8);
    expect(s.entries(1, 9).map(text)).toEqual(range(1, 8, 0).map(text));
    expect(s.term(5)).toBe(1);
    expect(s.term(6)).toBe(2);
    expect(() => s.term(9)).toThrow(UnavailableError);
    expect(s.entries(2, 9, 1).length).toBe(1); // at least one entry even over the byte limit
  });

  test('a conflicting tail written by a new leader replaces the old one, also after restart', async () => {
    let s = openStorage();
    await s.save({ entries: range(1, 6, 1) });
    await s.save({ entries: [ent(4, 2, 'new4'), ent(5, 2, 'new5')] });
    expect(s.lastIndex()).toBe(5);
    s = await reopen(s);
    expect(s.lastIndex()).toBe(5);
    expect(s.entries(3, 6).map(text)).toEqual(['e3', 'new4', 'new5']);
    expect(s.term(4)).toBe(2);
  });

  test('a torn last record is truncated and reported; appends continue after it', async () => {
    let s = openStorage();
    await s.save({ entries: range(1, 3, 1), hardState: { term: 1, vote: 1, commit: 2 } });
    await s.close();
    const file = lastSegment();
    const goodSize = fs.statSync(file).size;
    // Half of a record: a header promising 100 bytes, then only 10 of them.
    const torn = Buffer.alloc(18);
    torn.writeUInt32LE(100, 0);
    fs.appendFileSync(file, torn);
    const notices: string[] = [];
    s = openStorage({ logger: (m) => notices.push(m) });
    expect(s.tornTail).toMatchObject({ file, offset: goodSize, droppedBytes: 18 });
    expect(notices.join('\n')).toContain(file);
    expect(fs.statSync(file).size).toBe(goodSize);
    expect(s.lastIndex()).toBe(3);
    await s.save({ entries: [ent(4, 1)] });
    s = await reopen(s);
    expect(s.tornTail).toBeUndefined();
    expect(s.lastIndex()).toBe(4);
  });

  test('a last record with a bad checksum is a torn write, not corruption', async () => {
    let s = openStorage();
    await s.save({ entries: range(1, 3, 1) });
    await s.save({ entries: [ent(4, 1, 'the last one')] });
    await s.close();
    const file = lastSegment();
    const buf = fs.readFileSync(file);
    buf[buf.length - 2] ^= 0xff;
    fs.writeFileSync(file, buf);
    s = openStorage();
    expect(s.tornTail?.reason).toMatch(/checksum/);
    expect(s.lastIndex()).toBe(3);
  });

  test('a corrupted record in the middle refuses to start, naming file and offset', async () => {
    const s = openStorage();
    await s.save({ entries: range(1, 3, 1) });
    const file = lastSegment();
    const secondRecordAt = fs.statSync(file).size;
    await s.save({ entries: range(4, 6, 1) });
    await s.close();
    const buf = fs.readFileSync(file);
    buf[secondRecordAt + 12] ^= 0x01; // inside entry 4, followed by entries 5 and 6
    fs.writeFileSync(file, buf);
    let error: unknown;
    try {
      DiskStorage.open(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(WalCorruptionError);
    expect((error as WalCorruptionError).file).toBe(file);
    expect((error as WalCorruptionError).offset).toBe(secondRecordAt);
    expect((error as Error).message).toContain(`${file} at offset ${secondRecordAt}`);
    // Nothing was "repaired": the file is untouched.
    expect(fs.readFileSync(file).equals(buf)).toBe(true);
  });

  test('a torn record in a segment that is not the last one is corruption', async () => {
    const s = openStorage({ segmentBytes: 200 });
    for (let i = 1; i <= 20; i++) await s.save({ entries: [ent(i, 1, 'x'.repeat(40))] });
    const first = s.walFiles()[0];
    expect(s.walFiles().length).toBeGreaterThan(2);
    await s.close();
    fs.truncateSync(first, fs.statSync(first).size - 3);
    expect(() => DiskStorage.open(dir, { segmentBytes: 200 })).toThrow(WalCorruptionError);
  });

  test('an installed snapshot (follower catching up) is recovered after a restart', async () => {
    let s = openStorage();
    await s.save({ entries: range(1, 4, 1), hardState: { term: 1, vote: 1, commit: 2 } });
    const snap: Snapshot = {
      meta: { index: 50, term: 3, confState: { voters: [1, 2, 3], learners: [4] } },
      data: new Uint8Array(Buffer.from('state at 50')),
    };
    await s.save({ snapshot: snap, entries: [ent(51, 3)], hardState: { term: 3, vote: 0, commit: 50 } });
    expect(s.firstIndex()).toBe(51);
    s = await reopen(s);
    expect(s.snapshot().meta).toEqual(snap.meta);
    expect(Buffer.from(s.snapshot().data).toString()).toBe('state at 50');
    expect(s.firstIndex()).toBe(51);
    expect(s.lastIndex()).toBe(51);
    expect(s.term(50)).toBe(3);
    expect(() => s.entries(4, 5)).toThrow(CompactedError);
    expect(s.initialState()).toEqual({
      hardState: { term: 3, vote: 0, commit: 50 },
      confState: { voters: [1, 2, 3], learners: [4] },
    });
  });

  test('snapshots are written atomically: a crashed write and a damaged file fall back to the last good one', async () => {
    let s = openStorage();
    await s.save({ entries: range(1, 10, 1) });
    await s.createSnapshot(5, { voters: [1], learners: [] }, new Uint8Array([5]));
    const snapDir = path.join(dir, 'snap');
    expect(fs.readdirSync(snapDir).filter((f) => f.includes('tmp'))).toEqual([]);
    await s.createSnapshot(8, { voters: [1], learners: [] }, new Uint8Array([8]));
    await s.close();
    const files = fs.readdirSync(snapDir).sort();
    expect(files.length).toBe(2);
    // A crash mid-write leaves only a temp file: ignored and cleaned up.
    fs.writeFileSync(path.join(snapDir, `${'0'.repeat(15)}9-${'0'.repeat(15)}1.snap.tmp`), 'half');
    s = openStorage();
    expect(s.snapshot().meta.index).toBe(8);
    expect(fs.readdirSync(snapDir).some((f) => f.endsWith('.tmp'))).toBe(false);
    await s.close();
    // Damage the newest: the older one is used only if the WAL does not depend on the newer.
    const newest = path.join(snapDir, files[1]);
    const buf = fs.readFileSync(newest);
    buf[buf.length - 1] ^= 0xff;
    fs.writeFileSync(newest, buf);
    expect(() => DiskStorage.open(dir)).toThrow(/snapshot at index 8.*newest readable snapshot file is at 5/);
  });

  test('compaction drops entries up to the snapshot and removes old segments', async () => {
    let s = openStorage({ segmentBytes: 512 });
    for (let i = 1; i <= 100; i += 5) {
      await s.save({ entries: range(i, i + 4, 1), hardState: { term: 1, vote: 1, commit: i + 4 } });
    }
    const before = s.walFiles().length;
    expect(before).toBeGreaterThan(4);
    await s.createSnapshot(90, { voters: [1, 2, 3], learners: [] }, new Uint8Array(Buffer.from('at 90')), 5);
    expect(s.firstIndex()).toBe(86);
    expect(() => s.term(80)).toThrow(CompactedError);
    expect(s.term(85)).toBe(1);
    const after = s.walFiles();
    expect(after.length).toBeLessThan(before);
    for (const f of after) expect(fs.existsSync(f)).toBe(true);
    expect(fs.readdirSync(walDir()).filter((f) => f.endsWith('.wal')).length).toBe(after.length);
    s = await reopen(s, { segmentBytes: 512 });
    // After a restart the log starts right after the snapshot; later entries are all there.
    expect(s.snapshot().meta.index).toBe(90);
    expect(s.firstIndex()).toBe(91);
    expect(s.lastIndex()).toBe(100);
    expect(s.entries(91, 101).map(text)).toEqual(range(91, 100, 1).map(text));
    expect(s.initialState().hardState.commit).toBe(100);
    expect(s.initialState().confState.voters).toEqual([1, 2, 3]);
  });

  test('conf state saved by the driver is the one reported after a restart', async () => {
    let s = openStorage();
    await s.save({ entries: range(1, 2, 1) });
    await s.saveConfState({ voters: [1, 2], learners: [3] });
    s = await reopen(s);
    expect(s.initialState().confState).toEqual({ voters: [1, 2], learners: [3] });
  });

  test('property: any sequence of appends, overwrites, snapshots and restarts matches a simple model', async () => {
    const op = fc.oneof(
      fc.record({
        t: fc.constant('append' as const),
        n: fc.integer({ min: 1, max: 8 }),
        term: fc.constant(0),
      }),
      fc.record({
        t: fc.constant('overwrite' as const),
        back: fc.integer({ min: 1, max: 6 }),
        n: fc.integer({ min: 1, max: 4 }),
      }),
      fc.record({ t: fc.constant('snapshot' as const), keep: fc.integer({ min: 0, max: 3 }) }),
      fc.constant({ t: 'restart' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir);
        const opts = { segmentBytes: 300 };
        let s = openStorage(opts);
        const model = new Map<number, string>(); // index -> "term:text"
        let last = 0;
        let term = 1;
        let committed = 0; // never overwrite at or below what a snapshot covers
        let snapIndex = 0;
        let counter = 0;
        for (const o of ops) {
          if (o.t === 'append' || (o.t === 'overwrite' && last - o.back <= committed)) {
            const n = o.n;
            const es = Array.from({ length: n }, (_, i) => ent(last + 1 + i, term, `v${counter++}`));
            await s.save({ entries: es });
            es.forEach((e) => model.set(e.index, `${e.term}:${text(e)}`));
            last += n;
          } else if (o.t === 'overwrite') {
            term++;
            const from = last - o.back + 1;
            const es = Array.from({ length: o.n }, (_, i) => ent(from + i, term, `v${counter++}`));
            await s.save({ entries: es, hardState: { term, vote: 0, commit: committed } });
            for (let i = from; i <= last; i++) model.delete(i);
            es.forEach((e) => model.set(e.index, `${e.term}:${text(e)}`));
            last = from + o.n - 1;
          } else if (o.t === 'snapshot') {
            if (last === 0 || last <= snapIndex) continue;
            committed = last;
            snapIndex = last;
            await s.save({ entries: [], hardState: { term, vote: 0, commit: committed } });
            await s.createSnapshot(
              last,
              { voters: [1], learners: [] },
              new Uint8Array([last & 0xff]),
              o.keep,
            );
          } else {
            s = await reopen(s, opts);
          }
          expect(s.lastIndex()).toBe(last);
          const first = s.firstIndex();
          expect(first).toBeLessThanOrEqual(snapIndex + 1);
          const got = s.entries(first, last + 1).map((e) => `${e.term}:${text(e)}`);
          const want = Array.from({ length: last - first + 1 }, (_, i) => model.get(first + i));
          expect(got).toEqual(want);
        }
        await s.close();
      }),
      { numRuns: 40 },
    );
  });
});
