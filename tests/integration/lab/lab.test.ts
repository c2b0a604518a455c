// A real 2-host lab (and a second, 1-host lab beside it): namespaced hosts with their
// own dockerd, provisioned over SSH, pulling from the lab registry; then `lab down`
// must leave nothing behind.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  labDown,
  labExecOutput,
  labKeyPath,
  labMachineStore,
  labStatus,
  labUp,
} from '../../../deploy/lab/lab';
import { findLeftovers, isClean, sweepLab } from '../../../deploy/lab/sweeper';
import { LabState, stateFile } from '../../../deploy/lab/state';
import { createMachine } from '../../../deploy/machine/provision';
import { run } from '../../../deploy/sys';
import { dockerOf, host, testLabName } from '../../support/lab-fixture';

jest.setTimeout(240_000);

const A = testLabName();
const B = testLabName() + 'b';
let lab: LabState;
let other: LabState;

beforeAll(async () => {
  lab = await labUp({ name: A, managers: 1, workers: 1 });
  other = await labUp({ name: B, managers: 0, workers: 1 });
});

afterAll(async () => {
  // Safety net for a failing test; the last test checks that down itself is complete.
  await sweepLab(A);
  await sweepLab(B);
});

describe('lab hosts', () => {
  test('each host has its own hostname, Docker daemon and private folders', async () => {
    expect(labExecOutput(lab, 'm1', ['hostname']).trim()).toBe('m1');
    expect(labExecOutput(lab, 'w1', ['hostname']).trim()).toBe('w1');
    const names = await Promise.all(lab.hosts.map(async (h) => (await dockerOf(h).info()).Name));
    expect(names).toEqual(['m1', 'w1']);
    labExecOutput(lab, 'm1', ['sh', '-c', 'echo m1 > /var/lib/shoal/owner']);
    expect(labExecOutput(lab, 'm1', ['cat', '/var/lib/shoal/owner']).trim()).toBe('m1');
    expect(() => labExecOutput(lab, 'w1', ['cat', '/var/lib/shoal/owner'])).toThrow();
    expect(fs.existsSync('/var/lib/shoal/owner')).toBe(false);
  });

  test('lab ls reports every host running with docker and shoald up', () => {
    const hosts = labStatus(A);
    expect(hosts.map((h) => [h.host, h.role, h.state, h.docker, h.shoald])).toEqual([
      ['m1', 'manager', 'running', true, true],
      ['w1', 'worker', 'running', true, true],
    ]);
  });

  test('a registry image runs on each host through dockerode and each host reaches the other', async () => {
    const ref = `${lab.registry}/lab/app:1`;
    const containers = await Promise.all(
      lab.hosts.map(async (h) => {
        const docker = dockerOf(h);
        await docker.getImage(ref).remove({ force: true }); // make the host pull from the registry
        await new Promise<void>((resolve, reject) =>
          docker.pull(ref, (err: Error | null, stream: NodeJS.ReadableStream) =>
            err
              ? reject(err)
              : docker.modem.followProgress(stream, (e: Error | null) => (e ? reject(e) : resolve())),
          ),
        );
        const c = await docker.createContainer({
          Image: ref,
          name: `it-app-${h.host}`,
          ExposedPorts: { '80/tcp': {} },
          HostConfig: { PortBindings: { '80/tcp': [{ HostPort: '8080' }] } },
        });
        await c.start();
        return { h, c };
      }),
    );
    try {
      for (const [from, to] of [
        ['m1', 'w1'],
        ['w1', 'm1'],
      ]) {
        const target = containers.find((x) => x.h.host === to)!;
        const answer = await waitForAnswer(from, `http://${target.h.address}:8080/`);
        expect(answer).toBe(`app v1 on ${target.c.id.slice(0, 12)}`);
      }
    } finally {
      await Promise.all(containers.map(({ c }) => c.remove({ force: true })));
    }
  });

  test('lab/crash:1 exits non-zero after a moment', async () => {
    const docker = dockerOf(host(lab, 'w1'));
    const c = await docker.createContainer({
      Image: `${lab.registry}/lab/crash:1`,
      Env: ['CRASH_AFTER=0.3'],
    });
    try {
      await c.start();
      const result = await c.wait();
      expect(result.StatusCode).toBe(3);
    } finally {
      await c.remove({ force: true });
    }
  });

  test('a second lab lives beside the first on its own subnet', () => {
    expect(other.subnet).not.toBe(lab.subnet);
    expect(labExecOutput(other, 'w1', ['hostname']).trim()).toBe('w1');
    // The two w1 hosts are different machines: different addresses and daemons.
    expect(host(other, 'w1').address).not.toBe(host(lab, 'w1').address);
    expect(labExecOutput(other, 'w1', ['ip', '-4', '-o', 'addr', 'show', 'eth0'])).toContain(
      host(other, 'w1').address,
    );
  });
});

async function waitForAnswer(fromHost: string, url: string): Promise<string> {
  let last = '';
  for (let i = 0; i < 50; i++) {
    try {
      // busybox 1.35's static wget segfaults with -T (and writing to some stdouts); coreutils' timeout and a file in the host's private /run are safe.
      return labExecOutput(lab, fromHost, [
        'sh',
        '-c',
        `timeout 3 busybox wget -q -O /run/answer ${url} && cat /run/answer`,
      ]).trim();
    } catch (err) {
      last = String(err);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${fromHost} could not fetch ${url}: ${last}`);
}

describe('provisioning over SSH', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shoal-prov-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const store = () => labMachineStore(A);
  const names = () =>
    store()
      .list()
      .map((m) => m.name);

  test('provisioning an already provisioned host only verifies it, and records it', async () => {
    const before = names();
    const m = await createMachine(store(), {
      name: 'm1-again',
      address: host(lab, 'm1').address,
      keyPath: labKeyPath(A),
    });
    expect(m.hostKey).toBe(store().require('m1').hostKey);
    expect(m.os).toMatch(/Debian/);
    expect(names()).toEqual([...before, 'm1-again'].sort());
    expect(store().remove('m1-again')).toBe(true);
  });

  test('an unreachable host is a clear error and records nothing', async () => {
    const before = names();
    const unused = lab.subnet.replace('0/24', '250');
    await expect(
      createMachine(store(), {
        name: 'ghost',
        address: unused,
        keyPath: labKeyPath(A),
        connectTimeoutMs: 3000,
      }),
    ).rejects.toThrow(new RegExp(`cannot reach ${unused.replace(/\./g, '\\.')}:22 over SSH`));
    expect(names()).toEqual(before);
  });

  test('a wrong key is a clear error and records nothing', async () => {
    const key = path.join(tmp, 'other_key');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    await expect(
      createMachine(store(), { name: 'wrongkey', address: host(lab, 'w1').address, keyPath: key }),
    ).rejects.toThrow(/rejected the SSH key/);
    expect(names()).not.toContain('wrongkey');
  });

  test('a changed host key is refused before anything is sent', async () => {
    const w1 = host(lab, 'w1');
    const keyFile = path.join(w1.dir, 'ssh', 'ssh_host_ed25519_key');
    const saved = path.join(tmp, 'saved_host_key');
    fs.copyFileSync(keyFile, saved);
    try {
      fs.rmSync(keyFile);
      // sshd re-executes for each connection and reads its host key anew.
      await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyFile]);
      await expect(
        createMachine(store(), { name: 'imposter', address: w1.address, keyPath: labKeyPath(A) }),
      ).rejects.toThrow(/host key of .* changed: recorded SHA256:.*, offered SHA256:/);
      expect(names()).not.toContain('imposter');
    } finally {
      fs.copyFileSync(saved, keyFile);
    }
  });

  test('a user that is not root and has no sudo is refused', async () => {
    // On w1 only (its own mount namespace), give `nobody` a shell so it can log in.
    const w1 = host(lab, 'w1');
    const passwd = fs
      .readFileSync('/etc/passwd', 'utf8')
      .replace(/^(nobody:(?:[^:]*:){5})[^:\n]*$/m, '$1/bin/sh');
    expect(passwd).toMatch(/^nobody:.*:\/bin\/sh$/m);
    fs.writeFileSync(path.join(w1.dir, 'run', 'passwd.test'), passwd);
    labExecOutput(lab, 'w1', ['mount', '--bind', '/run/passwd.test', '/etc/passwd']);
    try {
      await expect(
        createMachine(store(), {
          name: 'noroot',
          address: host(lab, 'w1').address,
          user: 'nobody',
          keyPath: labKeyPath(A),
        }),
      ).rejects.toThrow(/nobody@.* is not root and cannot use sudo without a password/);
      expect(names()).not.toContain('noroot');
    } finally {
      labExecOutput(lab, 'w1', ['umount', '/etc/passwd']);
    }
  });

  test('a failing Docker install is reported with apt-get’s own words and records nothing', async () => {
    // On w1 only: hide dockerd, and put an apt-get first in PATH that fails like a broken mirror.
    const fakeBin = path.join(host(lab, 'w1').dir, 'run', 'fakebin'); // the host's /run/fakebin
    fs.mkdirSync(fakeBin, { recursive: true });
    fs.writeFileSync(
      path.join(fakeBin, 'apt-get'),
      '#!/bin/sh\necho "E: Unable to locate package docker.io" >&2\nexit 100\n',
      {
        mode: 0o755,
      },
    );
    labExecOutput(lab, 'w1', [
      'sh',
      '-c',
      'mount --bind /run/fakebin /usr/local/sbin && mount --bind /dev/null /usr/sbin/dockerd',
    ]);
    try {
      await expect(
        createMachine(store(), { name: 'noapt', address: host(lab, 'w1').address, keyPath: labKeyPath(A) }),
      ).rejects.toThrow(
        /installing Docker \(apt-get install docker.io\) failed .*\(exit 100\): E: Unable to locate package docker.io/,
      );
      expect(names()).not.toContain('noapt');
    } finally {
      labExecOutput(lab, 'w1', ['sh', '-c', 'umount /usr/sbin/dockerd; umount /usr/local/sbin']);
    }
  });
});

describe('lab down', () => {
  test('removes a lab whose state file was lost in a crash, and leaves the other lab alone', async () => {
    fs.rmSync(stateFile(B));
    await labDown(B);
    expect(isClean(await findLeftovers(B))).toBe(true);
    expect(labExecOutput(lab, 'm1', ['hostname']).trim()).toBe('m1');
  });

  test('leaves no namespace, bridge, iptables rule, process, mount or file of the lab', async () => {
    const before = await findLeftovers(A);
    expect(before.namespaces.length).toBe(2);
    expect(before.pids.length).toBeGreaterThan(4); // sshd, dockerd, containerd, shoald per host + registry
    expect(before.iptablesRules.length).toBe(2);
    await labDown(A);
    expect(await findLeftovers(A)).toEqual({
      namespaces: [],
      links: [],
      iptablesRules: [],
      pids: [],
      mounts: [],
      dir: false,
    });
  });
});
