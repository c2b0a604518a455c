// What a node keeps on disk about its cluster membership, under --data-dir:
//   node.json                 identity, role, addresses, known managers
//   certificates/             node.crt, node.key (0600), root.crt
//   manager/dek.key           the data-encryption key (managers only)
//   manager/raft/             the raft WAL and snapshots (managers only)
// Files are replaced atomically (write + rename) so a crash never leaves half a file.
import * as fs from 'fs';
import * as path from 'path';
import type { NodeCredentials, NodeRole } from '../../manager/ca';

export interface NodeState {
  nodeId: string;
  clusterId: string;
  role: NodeRole;
  listenAddr: string;
  advertiseAddr: string;
  managers: string[];
  raftId?: number;
}

export class LocalState {
  constructor(readonly dataDir: string) {}

  get stateFile(): string {
    return path.join(this.dataDir, 'node.json');
  }
  get certDir(): string {
    return path.join(this.dataDir, 'certificates');
  }
  get managerDir(): string {
    return path.join(this.dataDir, 'manager');
  }
  get raftDir(): string {
    return path.join(this.managerDir, 'raft');
  }
  get dataKeyFile(): string {
    return path.join(this.managerDir, 'dek.key');
  }

  read(): NodeState | undefined {
    try {
      return JSON.parse(fs.readFileSync(this.stateFile, 'utf8')) as NodeState;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(`${this.stateFile}: ${(err as Error).message}`, { cause: err });
    }
  }

  write(state: NodeState): void {
    writeAtomic(this.stateFile, JSON.stringify(state, null, 2) + '\n', 0o600);
  }

  readCredentials(): NodeCredentials {
    const read = (f: string) => fs.readFileSync(path.join(this.certDir, f), 'utf8');
    return { certPem: read('node.crt'), keyPem: read('node.key'), rootCaPem: read('root.crt') };
  }

  writeCredentials(creds: NodeCredentials): void {
    fs.mkdirSync(this.certDir, { recursive: true, mode: 0o700 });
    // Key first: a cert on disk always has its key beside it.
    writeAtomic(path.join(this.certDir, 'node.key'), creds.keyPem, 0o600);
    writeAtomic(path.join(this.certDir, 'root.crt'), creds.rootCaPem, 0o644);
    writeAtomic(path.join(this.certDir, 'node.crt'), creds.certPem, 0o644);
  }

  /** Forgets the cluster: what `shoal leave` leaves behind is a node that can init or join again. */
  wipe(): void {
    fs.rmSync(this.stateFile, { force: true });
    fs.rmSync(this.certDir, { recursive: true, force: true });
    fs.rmSync(this.managerDir, { recursive: true, force: true });
  }

  wipeManager(): void {
    fs.rmSync(this.managerDir, { recursive: true, force: true });
  }
}

export function writeAtomic(file: string, content: string, mode: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', mode);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
