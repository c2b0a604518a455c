import { goArch } from '../../../worker-agent/executor/node-description';
import {
  advances,
  classifyEvent,
  exitOutcome,
  hasHealthcheck,
  isTerminal,
  publishedPorts,
  unhealthyOutcome,
} from '../../../worker-agent/executor/transitions';

describe('classifyEvent', () => {
  const ev = (Action: string, attrs: Record<string, string> = {}) => ({
    Type: 'container',
    Action,
    Actor: { ID: 'c1', Attributes: attrs },
  });
  test.each([
    [ev('start'), { kind: 'start' }],
    [ev('die', { exitCode: '3' }), { kind: 'die', exitCode: 3 }],
    [ev('die'), { kind: 'die', exitCode: undefined }],
    [ev('destroy'), { kind: 'destroy' }],
    [ev('health_status: healthy'), { kind: 'healthy' }],
    [ev('health_status: unhealthy'), { kind: 'unhealthy' }],
    [ev('health_status', { healthStatus: 'unhealthy' }), { kind: 'unhealthy' }],
    [ev('health_status: starting'), undefined],
    [ev('exec_start: sh -c true'), undefined],
    [ev('attach'), undefined],
    [{ Type: 'network', Action: 'die' }, undefined],
    [
      { status: 'die', id: 'c1' },
      { kind: 'die', exitCode: undefined },
    ], // the old event format
  ])('%j', (input, out) => expect(classifyEvent(input)).toEqual(out));
});

describe('outcomes', () => {
  test('exit 0 completes, non-zero fails with Swarm message, a requested stop is a shutdown', () => {
    expect(exitOutcome(0, { stopRequested: false })).toEqual({
      state: 'COMPLETE',
      message: 'finished',
      err: '',
      exitCode: 0,
    });
    expect(exitOutcome(3, { stopRequested: false })).toMatchObject({
      state: 'FAILED',
      err: 'task: non-zero exit (3)',
      exitCode: 3,
    });
    expect(exitOutcome(127, { stopRequested: false, error: 'exec: not found' }).err).toBe(
      'task: non-zero exit (127): exec: not found',
    );
    expect(exitOutcome(143, { stopRequested: true })).toMatchObject({
      state: 'SHUTDOWN',
      err: '',
      exitCode: 143,
    });
    expect(exitOutcome(0, { stopRequested: true }).state).toBe('SHUTDOWN');
    expect(unhealthyOutcome(137)).toMatchObject({
      state: 'FAILED',
      err: 'task: unhealthy container',
      exitCode: 137,
    });
  });

  test('states only advance; terminal states are the last', () => {
    expect(advances('ASSIGNED', 'ACCEPTED')).toBe(true);
    expect(advances('RUNNING', 'RUNNING')).toBe(false);
    expect(advances('RUNNING', 'STARTING')).toBe(false);
    expect(advances('FAILED', 'SHUTDOWN')).toBe(false);
    expect(['COMPLETE', 'SHUTDOWN', 'FAILED', 'REJECTED'].every((s) => isTerminal(s as never))).toBe(true);
    expect(isTerminal('RUNNING')).toBe(false);
  });

  test('health checks: NONE and empty mean none', () => {
    expect(hasHealthcheck(undefined)).toBe(false);
    expect(hasHealthcheck([])).toBe(false);
    expect(hasHealthcheck(['NONE'])).toBe(false);
    expect(hasHealthcheck(['CMD-SHELL', 'true'])).toBe(true);
  });
});

describe('publishedPorts', () => {
  test('reads the bound host ports once per port (IPv4 and IPv6 bindings collapse)', () => {
    expect(
      publishedPorts(
        {
          '80/tcp': [
            { HostIp: '0.0.0.0', HostPort: '8080' },
            { HostIp: '::', HostPort: '8080' },
          ],
          '53/udp': [{ HostIp: '0.0.0.0', HostPort: '49153' }],
          '443/tcp': null,
        },
        { '80/tcp': 'web' },
      ),
    ).toEqual([
      { name: '', protocol: 'UDP', targetPort: 53, publishedPort: 49153, publishMode: 'HOST' },
      { name: 'web', protocol: 'TCP', targetPort: 80, publishedPort: 8080, publishMode: 'HOST' },
    ]);
    expect(publishedPorts(undefined)).toEqual([]);
  });
});

describe('goArch', () => {
  test("Docker's machine names become Go's GOARCH", () => {
    expect(['x86_64', 'aarch64', 'armv7l', 'riscv64'].map(goArch)).toEqual([
      'amd64',
      'arm64',
      'arm',
      'riscv64',
    ]);
  });
});
