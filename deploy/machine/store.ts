// Machine records, docker-machine style: one JSON file per machine under the storage
// path. A record is written only once provisioning has fully succeeded, so a failed
// `machine create` leaves nothing behind.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface MachineRecord {
  name: string;
  driver: 'ssh';
  address: string;
  port: number;
  user: string;
  keyPath: string;
  hostKey: string; // SHA256 fingerprint recorded on first contact
  os: string; // PRETTY_NAME of /etc/os-release
  dockerVersion: string;
  shoalBundle?: string; // id of the uploaded shoal bundle
  engineOptions: string[];
  labels: Record<string, string>;
  createdAt: string;
}

export const MACHINE_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;

export function defaultStoragePath(): string {
  return process.env.SHOAL_MACHINE_STORAGE_PATH || path.join(os.homedir(), '.shoal', 'machine');
}

export class MachineStore {
  constructor(public readonly root: string = defaultStoragePath()) {}

  private file(name: string): string {
    return path.join(this.root, 'machines', `${name}.json`);
  }

  static validateName(name: string): string {
    if (!MACHINE_NAME_PATTERN.test(name)) {
      throw new Error(
        `invalid machine name "${name}": use letters, digits, '.', '_' or '-', starting with a letter or digit`,
      );
    }
    return name;
  }

  get(name: string): MachineRecord | undefined {
    try {
      return JSON.parse(fs.readFileSync(this.file(name), 'utf8')) as MachineRecord;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(`cannot read machine record ${this.file(name)}: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  require(name: string): MachineRecord {
    const m = this.get(name);
    if (!m) throw new Error(`no such machine: ${name}`);
    return m;
  }

  list(): MachineRecord[] {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(this.root, 'machines'));
    } catch {
      return [];
    }
    return names
      .filter((f) => f.endsWith('.json'))
      .map((f) => this.get(f.slice(0, -5)))
      .filter((m): m is MachineRecord => m !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The host key already recorded for this address by any machine (SSH's known_hosts role). */
  knownHostKey(address: string, port: number): string | undefined {
    return this.list().find((m) => m.address === address && m.port === port)?.hostKey;
  }

  save(record: MachineRecord): void {
    const file = this.file(record.name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(record, null, 2));
    fs.renameSync(`${file}.tmp`, file);
  }

  remove(name: string): boolean {
    try {
      fs.unlinkSync(this.file(name));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }
}
