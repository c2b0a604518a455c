import {
  containerCreateOptions,
  normalizeImageRef,
  NodeInfo,
  stopGraceSeconds,
  TaskSpecError,
} from '../../../worker-agent/executor/container-config';
import { identityOf, LABEL, taskName } from '../../../worker-agent/executor/labels';
import { makeTask } from './make-task';

const node: NodeInfo = { id: 'n1', hostname: 'host-a', platform: { os: 'linux', architecture: 'arm64' } };

describe('containerCreateOptions', () => {
  test('maps a full container spec to Docker create options', () => {
    const t = makeTask({
      id: 'abc',
      serviceId: 's9',
      serviceName: 'api',
      slot: 4,
      container: {
        image: 'reg:5000/app:2',
        labels: { own: 'label', [LABEL.taskId]: 'spoofed' },
        command: ['/bin/server'],
        args: ['--port', '80'],
        env: ['SLOT={{.Task.Slot}}', 'ARCH={{.Node.Platform.Architecture}}'],
        hostname: '{{.Node.Hostname}}-{{.Task.Slot}}',
        user: '1000:1000',
        groups: ['audio'],
        dir: '/srv',
        readOnly: true,
        init: true,
        stopSignal: 'SIGQUIT',
        stopGracePeriodNs: 2_500_000_000,
        hosts: ['10.0.0.5 db db.local'],
        dnsNameservers: ['10.0.0.2'],
        healthcheck: {
          test: ['CMD', 'true'],
          intervalNs: 1e9,
          timeoutNs: 2e9,
          retries: 3,
          startPeriodNs: 5e9,
        },
        mounts: [
          { type: 'BIND', source: '/data/{{.Task.Slot}}', target: '/data', readOnly: true, options: {} },
          {
            type: 'VOLUME',
            source: 'vol-{{.Service.Name}}',
            target: '/v',
            readOnly: false,
            options: {
              'volume-driver': 'local',
              'volume-opt.type': 'tmpfs',
              'volume-label.k': 'v',
              'volume-nocopy': 'true',
            },
          },
          {
            type: 'TMPFS',
            source: '',
            target: '/scratch',
            readOnly: false,
            options: { 'tmpfs-size': '64m', 'tmpfs-mode': '1777' },
          },
        ],
      },
      spec: {
        resources: {
          limits: { nanoCpus: 500_000_000, memoryBytes: 256 * 1024 ** 2 },
          reservations: { nanoCpus: 100_000_000, memoryBytes: 64 * 1024 ** 2 },
        },
      },
      task: {
        endpoint: {
          spec: null,
          virtualIps: [],
          ports: [
            { name: 'web', protocol: 'TCP', targetPort: 80, publishedPort: 8080, publishMode: 'HOST' },
            { name: 'dns', protocol: 'UDP', targetPort: 53, publishedPort: 0, publishMode: 'HOST' },
            { name: 'mesh', protocol: 'TCP', targetPort: 443, publishedPort: 30443, publishMode: 'INGRESS' },
          ],
        },
      },
    });
    expect(containerCreateOptions(t, node)).toEqual({
      name: 'api.4.abc',
      Image: 'reg:5000/app:2',
      Labels: {
        own: 'label',
        [LABEL.serviceId]: 's9',
        [LABEL.serviceName]: 'api',
        [LABEL.taskId]: 'abc', // the task's own labels cannot spoof the identity
        [LABEL.taskName]: 'api.4.abc',
        [LABEL.taskSlot]: '4',
        [LABEL.nodeId]: 'n1',
      },
      Env: ['SLOT=4', 'ARCH=arm64'],
      Entrypoint: ['/bin/server'],
      Cmd: ['--port', '80'],
      Hostname: 'host-a-4',
      User: '1000:1000',
      WorkingDir: '/srv',
      Healthcheck: { Test: ['CMD', 'true'], Interval: 1e9, Timeout: 2e9, Retries: 3, StartPeriod: 5e9 },
      StopSignal: 'SIGQUIT',
      StopTimeout: 3,
      ExposedPorts: { '80/tcp': {}, '53/udp': {} },
      HostConfig: {
        RestartPolicy: { Name: 'no' },
        Mounts: [
          { Type: 'bind', Source: '/data/4', Target: '/data', ReadOnly: true },
          {
            Type: 'volume',
            Source: 'vol-api',
            Target: '/v',
            ReadOnly: false,
            VolumeOptions: {
              NoCopy: true,
              Labels: { k: 'v' },
              DriverConfig: { Name: 'local', Options: { type: 'tmpfs' } },
            },
          },
          {
            Type: 'tmpfs',
            Source: '',
            Target: '/scratch',
            ReadOnly: false,
            TmpfsOptions: { SizeBytes: 64 * 1024 ** 2, Mode: 0o1777 },
          },
        ],
        PortBindings: { '80/tcp': [{ HostPort: '8080' }], '53/udp': [{ HostPort: '' }] },
        ReadonlyRootfs: true,
        Init: true,
        GroupAdd: ['audio'],
        ExtraHosts: ['db:10.0.0.5', 'db.local:10.0.0.5'],
        Dns: ['10.0.0.2'],
        NanoCpus: 500_000_000,
        Memory: 256 * 1024 ** 2,
        MemoryReservation: 64 * 1024 ** 2,
      },
    });
  });

  test('a minimal spec gives minimal options: no restart by Docker, the default grace', () => {
    const opts = containerCreateOptions(makeTask({ id: 't', container: { image: 'busybox' } }), node);
    expect(opts).toEqual({
      name: 'web.1.t',
      Image: 'busybox:latest',
      Labels: expect.any(Object),
      Env: [],
      StopTimeout: 10,
      HostConfig: { RestartPolicy: { Name: 'no' }, Mounts: [], PortBindings: {} },
    });
  });

  test('global tasks (slot 0) are named after the node; a manager-given name wins', () => {
    expect(taskName(makeTask({ id: 't', slot: 0, nodeId: 'nodeX' }))).toBe('web.nodeX.t');
    expect(taskName(makeTask({ id: 't', task: { annotations: { name: 'given.1.t', labels: {} } } }))).toBe(
      'given.1.t',
    );
  });

  test('labels round-trip to the identity', () => {
    const opts = containerCreateOptions(makeTask({ id: 'id7', slot: 2 }), node);
    expect(identityOf(opts.Labels)).toEqual({
      serviceId: 'svc1',
      serviceName: 'web',
      taskId: 'id7',
      taskName: 'web.2.id7',
      slot: '2',
      nodeId: 'n1',
    });
    expect(identityOf({ other: 'x' })).toBeUndefined();
  });

  test.each([
    [{ container: { image: '' } }, 'spec.container.image: is required'],
    [
      { container: { hostname: '{{.Bad}}' } },
      'spec.container.hostname: unknown template placeholder {{.Bad}}',
    ],
    [
      {
        container: {
          mounts: [{ type: 'BIND', source: 'rel/path', target: '/x', readOnly: false, options: {} }],
        },
      },
      'spec.container.mounts[0].source: a bind mount needs an absolute host path',
    ],
    [
      { container: { mounts: [{ type: 'VOLUME', source: 'v', target: 'x', readOnly: false, options: {} }] } },
      'spec.container.mounts[0].target: must be an absolute path',
    ],
    [
      {
        container: { mounts: [{ type: 'TMPFS', source: '/x', target: '/x', readOnly: false, options: {} }] },
      },
      'spec.container.mounts[0].source: a tmpfs mount has no source',
    ],
    [
      {
        container: {
          mounts: [
            { type: 'TMPFS', source: '', target: '/x', readOnly: false, options: { 'tmpfs-size': 'lots' } },
          ],
        },
      },
      'spec.container.mounts[0].options.tmpfs-size: expected a size in bytes',
    ],
    [
      {
        container: {
          mounts: [
            { type: 'VOLUME', source: 'v', target: '/x', readOnly: false, options: { 'tmpfs-size': '1m' } },
          ],
        },
      },
      'spec.container.mounts[0].options.tmpfs-size: is not an option of a volume mount',
    ],
    [
      {
        container: {
          mounts: [{ type: 'TMPFS', source: '', target: '/t/{{.Nope}}', readOnly: false, options: {} }],
        },
      },
      'spec.container.mounts[0].target: unknown template placeholder',
    ],
    [
      {
        container: {
          healthcheck: { test: ['RUN', 'x'], intervalNs: 0, timeoutNs: 0, retries: 0, startPeriodNs: 0 },
        },
      },
      'spec.container.healthcheck.test: must start with NONE, CMD or CMD-SHELL',
    ],
    [
      {
        container: {
          healthcheck: { test: ['CMD', 'x'], intervalNs: 5, timeoutNs: 0, retries: 0, startPeriodNs: 0 },
        },
      },
      'spec.container.healthcheck.intervalNs: must be 0 (the default) or at least 1ms',
    ],
    [{ container: { hosts: ['10.0.0.1'] } }, 'spec.container.hosts[0]: expected "IP hostname..."'],
    [
      { spec: { resources: { limits: { nanoCpus: -1, memoryBytes: 0 }, reservations: null } } },
      'spec.resources.limits.nanoCpus: must not be negative',
    ],
    [
      {
        task: {
          endpoint: {
            spec: null,
            virtualIps: [],
            ports: [{ name: '', protocol: 'TCP', targetPort: 0, publishedPort: 1, publishMode: 'HOST' }],
          },
        },
      },
      'endpoint.ports[0].targetPort: must be 1-65535',
    ],
  ] as [Parameters<typeof makeTask>[0], string][])('bad input: %#', (over, message) => {
    const t = makeTask(over);
    expect(() => containerCreateOptions(t, node)).toThrow(TaskSpecError);
    expect(() => containerCreateOptions(t, node)).toThrow(message);
  });

  test('a task without a container spec is an error naming it', () => {
    const t = makeTask();
    t.spec = null;
    expect(() => containerCreateOptions(t, node)).toThrow('spec.container: the task has no container spec');
  });
});

describe('helpers', () => {
  test.each([
    ['busybox', 'busybox:latest'],
    ['busybox:1', 'busybox:1'],
    ['10.0.0.1:5000/lab/app', '10.0.0.1:5000/lab/app:latest'],
    ['10.0.0.1:5000/lab/app:1', '10.0.0.1:5000/lab/app:1'],
    ['app@sha256:abcd', 'app@sha256:abcd'],
  ])('normalizeImageRef(%s)', (ref, out) => expect(normalizeImageRef(ref)).toBe(out));

  test('stop grace rounds up to whole seconds and defaults to 10s', () => {
    expect(stopGraceSeconds(makeTask())).toBe(10);
    expect(stopGraceSeconds(makeTask({ container: { stopGracePeriodNs: 1 } }))).toBe(1);
    expect(stopGraceSeconds(makeTask({ container: { stopGracePeriodNs: 3e9 } }))).toBe(3);
  });
});
