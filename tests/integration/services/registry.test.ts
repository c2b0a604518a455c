// Images like Swarm, on a real lab (1 manager + 1 worker): `service create` pins the tag to
// the digest the lab registry has for it, tasks run exactly that image, a tag moved in the
// registry changes nothing until `service update --image` resolves it again; and
// --with-registry-auth against a second registry that needs a password (Debian's
// docker-registry with htpasswd, started here on the lab bridge): without the flag the
// task is rejected with the registry's auth error, with it the service converges, and no
// read of the control API shows the credentials.
import bcrypt from 'bcryptjs';
import type Docker from 'dockerode';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { sweepLab } from '../../../deploy/lab/sweeper';
import { startDetached, waitFor as waitUntil } from '../../../deploy/sys';
import { MANIFEST_ACCEPT } from '../../../cli/registry/client';
import { Container, LabCluster, SHOAL, waitFor } from '../../support/lab-cluster';
import { testLabName } from '../../support/lab-fixture';

jest.setTimeout(300_000);

const NAME = testLabName();
const USER = 'alice';
const PASSWORD = 'pw-for-the-lab-only';
let c: LabCluster;
let scratch: string;
let authRegistryPid: number | undefined;
let authRegistry: string;

/** The digest a registry serves for name:tag, asked directly over HTTP (not through shoal's client). */
function registryDigest(registry: string, name: string, tag: string, auth?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `http://${registry}/v2/${name}/manifests/${tag}`,
      {
        method: 'HEAD',
        headers: { Accept: MANIFEST_ACCEPT, ...(auth ? { Authorization: auth } : {}) },
        timeout: 5000,
      },
      (res) => {
        res.resume();
        const d = res.headers['docker-content-digest'];
        if (res.statusCode === 200 && typeof d === 'string') resolve(d);
        else reject(new Error(`HEAD ${name}:${tag} on ${registry}: HTTP ${res.statusCode}`));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Reads a pull/push progress stream to its end; an error line inside it is an error. */
function follow(docker: Docker, stream: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve, reject) =>
    docker.modem.followProgress(stream, (err: Error | null, out: Array<{ error?: string }>) => {
      const failed = err?.message ?? out.find((l) => l.error)?.error;
      if (failed) reject(new Error(failed));
      else resolve();
    }),
  );
}

/**
 * Tags `from` as `to` on m1's daemon and pushes it, with credentials or none (the daemon
 * wants the auth header even then).
 */
async function pushAs(from: string, to: string, authconfig?: Docker.AuthConfig): Promise<void> {
  const docker = c.docker('m1');
  const at = to.lastIndexOf(':');
  await docker.getImage(from).tag({ repo: to.slice(0, at), tag: to.slice(at + 1) });
  await follow(
    docker,
    await docker.getImage(to).push({ authconfig: authconfig ?? ({} as Docker.AuthConfig) }),
  );
}

/** What each container answers over HTTP, from inside its host. */
const answers = (list: Container[]): string[] =>
  list.map((x) => {
    const r = c.exec(x.host, ['wget', '-qO-', '-T', '5', `http://${x.ip}/`]);
    return r.code === 0 ? r.stdout.trim() : `error ${r.code}: ${r.stderr.trim()}`;
  });

/** The registry digests of the image a container runs, from its host's daemon. */
async function repoDigests(x: Container): Promise<string[]> {
  const info = await c.docker(x.host).getContainer(x.id).inspect();
  return (await c.docker(x.host).getImage(info.Image).inspect()).RepoDigests ?? [];
}

/** A second registry on the lab bridge, at :5001, that wants USER/PASSWORD (htpasswd). */
async function startAuthRegistry(): Promise<void> {
  const dir = path.join(scratch, 'auth-registry');
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'htpasswd'), `${USER}:${bcrypt.hashSync(PASSWORD, 10)}\n`);
  authRegistry = `${c.lab.gateway}:5001`;
  fs.writeFileSync(
    path.join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(dir, 'data')}`,
      'auth:',
      '  htpasswd:',
      '    realm: shoal-lab',
      `    path: ${path.join(dir, 'htpasswd')}`,
      'http:',
      `  addr: ${authRegistry}`,
    ].join('\n'),
  );
  const log = fs.openSync(path.join(dir, 'registry.log'), 'a');
  try {
    authRegistryPid = startDetached('docker-registry', ['serve', path.join(dir, 'config.yml')], {
      stdio: ['ignore', log, log],
    });
  } finally {
    fs.closeSync(log);
  }
  await waitUntil(
    `the password registry on ${authRegistry}`,
    () =>
      new Promise<boolean>((resolve) => {
        const req = http.get(`http://${authRegistry}/v2/`, { timeout: 1000 }, (res) => {
          res.resume();
          resolve(res.statusCode === 401);
        });
        req.on('error', () => resolve(false));
        req.on('timeout', () => req.destroy());
      }),
    20_000,
  );
}

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shoal-registry-test-'));
  c = await LabCluster.up(NAME, 1, 1);
}, 300_000);

afterAll(async () => {
  if (authRegistryPid) {
    try {
      process.kill(authRegistryPid, 'SIGTERM');
    } catch {
      /* gone already */
    }
  }
  await sweepLab(NAME);
  fs.rmSync(scratch, { recursive: true, force: true });
});

test('create pins lab/app:1 to the registry digest; tasks run it; a moved tag changes nothing until update --image', async () => {
  const reg = c.lab.registry;
  const v1 = `${reg}/lab/app:1`;
  const d1 = await registryDigest(reg, 'lab/app', '1');
  c.shoal(c.via, ['service', 'create', '--name', 'app', '--replicas', '2', v1]);

  const s = c.inspectService('app');
  expect(s.spec?.task?.container?.image).toBe(`${v1}@${d1}`);
  // service ps shows the image without its digest, as docker.
  expect(c.ps('app').map((t) => t.Image)).toEqual([v1, v1]);
  const running = await c.containers('app');
  expect(running).toHaveLength(2);
  for (const x of running) {
    expect(x.image).toBe(`${v1}@${d1}`);
    expect(await repoDigests(x)).toContain(`${reg}/lab/app@${d1}`);
  }
  expect(answers(running).every((a) => a.startsWith('app v1'))).toBe(true);

  // Someone moves the tag: lab/app:1 in the registry is now app v2.
  await pushAs(`${reg}/lab/app:2`, v1);
  const d2 = await registryDigest(reg, 'lab/app', '1');
  expect(d2).not.toBe(d1);

  // A new task still gets the pinned digest (m1 even has the moved tag locally by now).
  c.shoal(c.via, ['service', 'scale', 'app=4']);
  const scaled = await c.containers('app');
  expect(scaled).toHaveLength(4);
  expect(scaled.every((x) => x.image === `${v1}@${d1}`)).toBe(true);
  expect(answers(scaled).every((a) => a.startsWith('app v1'))).toBe(true);

  // update --image with the same tag resolves it again: the tasks roll over to what it names now.
  c.shoal(c.via, ['service', 'update', '--image', v1, '--update-parallelism', '4', 'app']);
  expect(c.inspectService('app').spec?.task?.container?.image).toBe(`${v1}@${d2}`);
  const after = await c.containers('app');
  expect(after).toHaveLength(4);
  expect(after.every((x) => x.image === `${v1}@${d2}`)).toBe(true);
  expect(answers(after).every((a) => a.startsWith('app v2'))).toBe(true);
  c.shoal(c.via, ['service', 'rm', 'app']);
});

test('--resolve-image never keeps the tag as given', async () => {
  const v1 = `${c.lab.registry}/lab/app:2`;
  c.shoal(c.via, ['service', 'create', '--resolve-image', 'never', '--name', 'tagonly', v1]);
  expect(c.inspectService('tagonly').spec?.task?.container?.image).toBe(v1);
  c.shoal(c.via, ['service', 'rm', 'tagonly']);
});

test('a registry that needs a password: rejected without --with-registry-auth, converges with it, credentials never shown', async () => {
  await startAuthRegistry();
  const image = `${authRegistry}/lab/private:1`;
  const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  await pushAs(`${c.lab.registry}/lab/app:2`, image, {
    username: USER,
    password: PASSWORD,
    serveraddress: authRegistry,
  });
  const digest = await registryDigest(authRegistry, 'lab/private', '1', basic);
  // m1 has the image now (it pushed it); the tasks go to w1, which must pull it.
  const placement = ['--constraint', 'node.role==worker'];

  // Without the flag: the CLI cannot pin it (warning, tag kept) and w1's pull is refused.
  const bare = c.exec(c.via, [
    SHOAL,
    'service',
    'create',
    '--detach',
    '--name',
    'nocreds',
    ...placement,
    image,
  ]);
  expect(bare.code).toBe(0);
  expect(bare.stderr).toContain(`image ${image} could not be accessed on a registry to record`);
  expect(c.inspectService('nocreds').spec?.task?.container?.image).toBe(image);
  let rejected = '';
  await waitFor(
    'a rejected nocreds task',
    async () => {
      rejected = c.ps('nocreds').find((t) => t.CurrentState.startsWith('Rejected'))?.Error ?? '';
      return rejected !== '';
    },
    60_000,
    500,
  );
  expect(rejected).toContain(`pulling image ${image} failed`);
  expect(rejected).toMatch(/no basic auth credentials|unauthorized|authentication required/);
  c.shoal(c.via, ['service', 'rm', 'nocreds']);

  // With it: the CLI reads the credentials from DOCKER_CONFIG, pins the digest, the task runs.
  const configDir = path.join(scratch, 'docker-config');
  fs.mkdirSync(configDir, { recursive: true });
  fs.writeFileSync(
    path.join(configDir, 'config.json'),
    JSON.stringify({
      auths: { [authRegistry]: { auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64') } },
    }),
  );
  const withAuth = c.exec(c.via, [
    'env',
    `DOCKER_CONFIG=${configDir}`,
    SHOAL,
    'service',
    'create',
    '--with-registry-auth',
    '--name',
    'creds',
    ...placement,
    image,
  ]);
  expect(withAuth.stderr).not.toContain('could not be accessed');
  expect(withAuth.code).toBe(0);
  const running = await c.containers('creds');
  expect(running).toHaveLength(1);
  expect(running[0].host).toBe('w1');
  expect(running[0].image).toBe(`${image}@${digest}`);

  // Nothing the control API answers carries the credentials.
  const encoded = Buffer.from(JSON.stringify({ username: USER }))
    .toString('base64url')
    .slice(0, 12);
  const shown = [
    c.shoal(c.via, ['service', 'inspect', 'creds']),
    c.shoal(c.via, ['service', 'ls', '--format', 'json']),
    c.shoal(c.via, ['service', 'ps', 'creds', '--format', 'json']),
    JSON.stringify(await c.tasks('creds')),
  ].join('\n');
  expect(shown).not.toContain(PASSWORD);
  expect(shown).not.toContain(encoded);

  c.shoal(c.via, ['service', 'rm', 'creds']);
});
