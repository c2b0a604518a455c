// Helpers for tests that bring up real labs. Test labs are named "t" + 4 random
// characters, so deploy/test.sh can sweep any a crashed run left behind.
import * as crypto from 'crypto';
import Docker from 'dockerode';
import { hostDockerSocket } from '../../deploy/lab/lab';
import { LabHost, LabState } from '../../deploy/lab/state';

export function testLabName(): string {
  return 't' + crypto.randomBytes(4).toString('hex').slice(0, 4).replace(/^\d/, 'x');
}

export const dockerOf = (h: LabHost): Docker => new Docker({ socketPath: hostDockerSocket(h) });

export function host(state: LabState, name: string): LabHost {
  const h = state.hosts.find((x) => x.host === name);
  if (!h) throw new Error(`no host ${name} in lab ${state.name}`);
  return h;
}
