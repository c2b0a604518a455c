// Small durable-filesystem helpers. A rename or a new file is only durable once its
// directory is fsynced, which Node does not do for us.
import * as fs from 'fs';
import * as path from 'path';

export function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function mkdirDurable(dir: string): void {
  if (fs.existsSync(dir)) return;
  mkdirDurable(path.dirname(dir));
  fs.mkdirSync(dir);
  fsyncDir(path.dirname(dir));
}

/** Writes `data` to `file` so that a crash leaves either the old file or the whole new one. */
export function writeFileAtomic(file: string, data: Uint8Array[]): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    for (const chunk of data) writeAll(fd, chunk);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/**
 * Writes all of `buf` at the file's position, synchronously. A write to the page cache
 * takes microseconds; handing it to libuv's thread pool instead cost ~0.1 ms of CPU per
 * call on the lab's VMs (thread wake-ups), which raft paid on every entry of every node.
 */
export function writeAll(fd: number, buf: Uint8Array): void {
  let off = 0;
  while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off);
}

export function fdatasync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fs.fdatasync(fd, (err) => (err ? reject(err) : resolve())));
}
