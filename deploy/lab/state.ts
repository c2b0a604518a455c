// The lab's state file: what `lab up` made, so `lab down` removes exactly that.
// Written after every step, so a crash half-way still leaves a usable record.
import * as fs from 'fs';
import * as path from 'path';
import { LAB_ROOT, Role, labDir } from './names';

export interface LabHost {
  host: string;
  role: Role;
  address: string;
  netns: string;
  vethBridge: string;
  sshPort: number;
  sshdPid?: number;
  dir: string; // the host's private folders live under here
  provisioned?: boolean;
}

export interface LabState {
  name: string;
  slot: number;
  subnet: string;
  gateway: string;
  bridge: string;
  registry: string; // host:port that the lab's daemons pull from
  registryPid?: number;
  createdAt: string;
  /** $SHOAL_LAB_OWNER of the run that made it, so a test run sweeps only its own labs. */
  owner?: string;
  status: 'creating' | 'ready' | 'failed';
  hosts: LabHost[];
  images: string[];
}

export const stateFile = (lab: string): string => path.join(labDir(lab), 'state.json');

export function readState(lab: string): LabState | undefined {
  try {
    return JSON.parse(fs.readFileSync(stateFile(lab), 'utf8')) as LabState;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read lab state ${stateFile(lab)}: ${(err as Error).message}`, { cause: err });
  }
}

export function writeState(state: LabState): void {
  const file = stateFile(state.name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
  fs.renameSync(tmp, file);
}

export function listLabNames(): string[] {
  try {
    return fs
      .readdirSync(LAB_ROOT, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(LAB_ROOT, d.name, 'state.json')))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}
