// One image registry per lab (Debian's docker-registry, the distribution v2 server),
// listening on the lab bridge's address, so every lab host pulls from it as a real
// cluster's workers pull from their registry.
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { startDetached, waitFor } from '../sys';

export function registryConfig(dataDir: string, listen: string): string {
  return [
    'version: 0.1',
    'log:',
    '  level: warn',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${dataDir}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: ${listen}`,
  ].join('\n');
}

function answers(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(`http://${address}/v2/`, { timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

/** Starts the registry and waits until it answers; returns its PID. */
export async function startRegistry(dir: string, listen: string): Promise<number> {
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const config = path.join(dir, 'config.yml');
  fs.writeFileSync(config, registryConfig(dataDir, listen));
  const log = fs.openSync(path.join(dir, 'registry.log'), 'a');
  let pid: number;
  try {
    pid = startDetached('docker-registry', ['serve', config], { stdio: ['ignore', log, log] });
  } finally {
    fs.closeSync(log);
  }
  await waitFor(`the lab registry on ${listen}`, () => answers(listen), 20_000);
  return pid;
}
