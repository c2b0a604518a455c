// Snapshot files: `<index>-<term>.snap` (16 hex digits each), written atomically (temp
// file, fsync, rename, fsync dir). Layout: magic "SHSNAP01", u32 crc32 of everything
// after it, u32 meta length, meta as JSON (index, term, confState: small and off the hot
// path), then the state machine's bytes.
import * as fs from 'fs';
import * as path from 'path';
import { Snapshot, SnapshotMeta, assertIndex } from '../types';
import { mkdirDurable, writeFileAtomic } from './fsutil';
import { crc32 } from './record';

const MAGIC = Buffer.from('SHSNAP01');
const SNAP_RE = /^([0-9a-f]{16})-([0-9a-f]{16})\.snap$/;
const hex16 = (n: number): string => n.toString(16).padStart(16, '0');

export class Snapshotter {
  constructor(
    readonly dir: string,
    private readonly keep = 2,
    private readonly warn: (msg: string) => void = () => {},
  ) {
    mkdirDurable(dir);
    for (const name of fs.readdirSync(dir))
      if (name.endsWith('.snap.tmp')) fs.unlinkSync(path.join(dir, name));
  }

  save(snap: Snapshot): string {
    const { index, term, confState } = snap.meta;
    assertIndex(index, 'snapshot.meta.index');
    assertIndex(term, 'snapshot.meta.term');
    const meta = Buffer.from(JSON.stringify({ index, term, confState }));
    const head = Buffer.alloc(16);
    MAGIC.copy(head, 0);
    const lenBuf = Buffer.alloc(4);
    lenBuf.writeUInt32LE(meta.length, 0);
    const crc = crc32(Buffer.concat([lenBuf, meta, snap.data]));
    head.writeUInt32LE(crc, 8);
    head.writeUInt32LE(meta.length, 12);
    const file = path.join(this.dir, `${hex16(index)}-${hex16(term)}.snap`);
    writeFileAtomic(file, [head, meta, snap.data]);
    this.prune();
    return file;
  }

  /** The newest readable snapshot; damaged files are reported, set aside and skipped. */
  loadNewest(): Snapshot | undefined {
    for (const file of this.files().reverse()) {
      try {
        return this.read(file);
      } catch (err) {
        this.warn(`snapshot ${file} is unreadable (${(err as Error).message}); set aside as .broken`);
        fs.renameSync(file, `${file}.broken`);
      }
    }
    return undefined;
  }

  read(file: string): Snapshot {
    const buf = fs.readFileSync(file);
    if (buf.length < 16 || !buf.subarray(0, 8).equals(MAGIC)) throw new Error('bad magic');
    const crc = buf.readUInt32LE(8);
    if (crc32(buf.subarray(12)) !== crc) throw new Error('checksum mismatch');
    const metaLen = buf.readUInt32LE(12);
    const meta = JSON.parse(buf.subarray(16, 16 + metaLen).toString()) as SnapshotMeta;
    assertIndex(meta.index, 'snapshot.meta.index');
    assertIndex(meta.term, 'snapshot.meta.term');
    return { meta, data: Uint8Array.prototype.slice.call(buf, 16 + metaLen) };
  }

  files(): string[] {
    return fs
      .readdirSync(this.dir)
      .filter((n) => SNAP_RE.test(n))
      .sort()
      .map((n) => path.join(this.dir, n));
  }

  private prune(): void {
    const files = this.files();
    for (const f of files.slice(0, Math.max(0, files.length - this.keep))) fs.unlinkSync(f);
  }
}
