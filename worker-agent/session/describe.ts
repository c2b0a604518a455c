// What the agent tells the managers about its host when it registers: the engine's own
// description (executor/node-description, the one reader of `docker info`), or, while
// no engine answers yet, what the OS knows, so that the node can still join and show up.
import * as os from 'os';
import Docker from 'dockerode';
import type { NodeDescription } from '../../proto/api-types';
import { describeNode, goArch } from '../executor/node-description';

export const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock';

export async function describeHost(dockerSocket = DEFAULT_DOCKER_SOCKET): Promise<NodeDescription> {
  try {
    return await describeNode(new Docker({ socketPath: dockerSocket, timeout: 3000 }));
  } catch {
    return {
      hostname: os.hostname(),
      platform: { os: os.platform(), architecture: goArch(os.arch()) },
      resources: { nanoCpus: os.cpus().length * 1e9, memoryBytes: os.totalmem() },
      engine: { engineVersion: '', labels: {} },
    };
  }
}
