// `service create` flags for mounts, health, resources, entrypoint, env files and
// placement preferences: parsed as docker does, carried through the store's normalized
// spec and the control API's check, and refused with the flag named.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Service } from '../../../manager/api-types';
import { checkServiceSpec } from '../../../manager/control-api/services';
import { normalize } from '../../../manager/store';
import { CreateFlags, specFromFlags } from '../../../cli/commands/service-spec';
import {
  applyContainerFlags,
  ContainerFlags,
  parseBytes,
  parseCpus,
  parseMount,
  readEnvFile,
} from '../../../cli/commands/service-container-flags';

const base: CreateFlags = {
  name: 'web',
  mode: 'replicated',
  env: ['A=1'],
  label: {},
  containerLabel: {},
  constraint: [],
  publish: [],
};

function specWith(extra: ContainerFlags) {
  const spec = specFromFlags('img', [], base);
  applyContainerFlags(spec.task as Parameters<typeof applyContainerFlags>[0], extra);
  return checkServiceSpec(normalize<Service>('services', { spec }).spec);
}

test('mounts: bind, volume with driver options, tmpfs; bad ones name --mount', () => {
  expect(parseMount('type=bind,src=/data,dst=/var/data,readonly')).toEqual({
    type: 'BIND',
    source: '/data',
    target: '/var/data',
    readOnly: true,
    options: {},
  });
  expect(parseMount('source=cache,target=/cache,volume-driver=local,volume-opt.o=size=1g')).toMatchObject({
    type: 'VOLUME',
    source: 'cache',
    options: { 'volume-driver': 'local', 'volume-opt.o': 'size=1g' },
  });
  expect(parseMount('type=tmpfs,target=/tmp,tmpfs-size=64m')).toMatchObject({
    type: 'TMPFS',
    options: { 'tmpfs-size': '64m' },
  });
  expect(() => parseMount('type=nfs,target=/x')).toThrow(/--mount: type must be bind, volume or tmpfs/);
  expect(() => parseMount('type=bind,source=rel,target=/x')).toThrow(
    /--mount: a bind mount needs an absolute source/,
  );
  expect(() => parseMount('source=v,target=x')).toThrow(/--mount: target must be an absolute path/);
  expect(() => parseMount('source=v,target=/x,colour=red')).toThrow(/--mount: unknown key "colour"/);
});

test('sizes and CPUs as docker writes them', () => {
  expect(parseBytes('--limit-memory', '64m')).toBe(64 * 1024 ** 2);
  expect(parseBytes('--limit-memory', '1.5g')).toBe(1.5 * 1024 ** 3);
  expect(parseBytes('--limit-memory', '512MiB')).toBe(512 * 1024 ** 2);
  expect(parseBytes('--limit-memory', '4096')).toBe(4096);
  expect(() => parseBytes('--reserve-memory', 'lots')).toThrow(/--reserve-memory: must be a size/);
  expect(parseCpus('--limit-cpu', '0.5')).toBe(5e8);
  expect(() => parseCpus('--reserve-cpu', '-1')).toThrow(/--reserve-cpu: must be a positive number/);
});

test('--env-file: comments and blanks skipped, bad lines named by file:line', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'envfile-'));
  try {
    const file = path.join(dir, 'app.env');
    fs.writeFileSync(file, '# settings\nMODE=fast\n\nGREETING=hello world\n');
    expect(readEnvFile(file)).toEqual(['MODE=fast', 'GREETING=hello world']);
    fs.writeFileSync(file, 'OK=1\n=oops\n');
    expect(() => readEnvFile(file)).toThrow(new RegExp(`--env-file: ${file.replace(/[/.]/g, '\\$&')}:2`));
    expect(() => readEnvFile(path.join(dir, 'missing.env'))).toThrow(/--env-file: cannot read .*ENOENT/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('everything reaches the spec that the control API accepts', () => {
  const spec = specWith({
    mount: ['type=tmpfs,target=/scratch'],
    entrypoint: '/bin/sh -c',
    stopSignal: 'SIGINT',
    healthCmd: 'wget -q -O /dev/null http://localhost/health',
    healthInterval: '2s',
    healthRetries: 3,
    reserveCpu: '0.25',
    reserveMemory: '32m',
    limitMemory: '64m',
    placementPref: ['spread=node.labels.zone'],
  });
  const c = spec.task!.container!;
  expect(c.mounts).toEqual([expect.objectContaining({ type: 'TMPFS', target: '/scratch' })]);
  expect(c.command).toEqual(['/bin/sh', '-c']);
  expect(c.stopSignal).toBe('SIGINT');
  expect(c.healthcheck).toMatchObject({
    test: ['CMD-SHELL', 'wget -q -O /dev/null http://localhost/health'],
    retries: 3,
  });
  expect(Number(c.healthcheck!.intervalNs)).toBe(2e9);
  expect(spec.task!.resources).toMatchObject({
    reservations: { memoryBytes: 32 * 1024 ** 2 },
    limits: { memoryBytes: 64 * 1024 ** 2 },
  });
  expect(Number(spec.task!.resources!.reservations!.nanoCpus)).toBe(2.5e8);
  expect(spec.task!.placement!.preferences).toEqual([{ spread: 'node.labels.zone' }]);
  expect(specWith({ healthcheck: false }).task!.container!.healthcheck!.test).toEqual(['NONE']);
});

test('conflicting or impossible flags are refused with the flag named', () => {
  expect(() => specWith({ healthcheck: false, healthCmd: 'true' })).toThrow(/--no-healthcheck: conflicts/);
  expect(() => specWith({ reserveMemory: '128m', limitMemory: '64m' })).toThrow(
    /--reserve-memory: more than --limit-memory/,
  );
  expect(() => specWith({ placementPref: ['zone'] })).toThrow(/--placement-pref: must be spread=/);
  expect(() => specWith({ stopSignal: 'kill me' })).toThrow(/--stop-signal/);
  expect(() => specWith({ healthRetries: 0, healthCmd: 'true' })).toThrow(
    /--health-retries: must be at least 1/,
  );
});
