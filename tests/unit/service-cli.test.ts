// `shoal service` flag parsing and convergence accounting, without a cluster.
import type { Service, Task } from '../../manager/api-types';
import { checkServiceSpec } from '../../manager/control-api/services';
import { parseDurationNs, parsePublish, specFromFlags, CreateFlags } from '../../cli/commands/service-spec';
import { progressOf } from '../../cli/commands/service-converge';
import { normalize } from '../../manager/store';

const flags = (o: Partial<CreateFlags> = {}): CreateFlags => ({
  name: 'web',
  mode: 'replicated',
  env: [],
  label: {},
  containerLabel: {},
  constraint: [],
  publish: [],
  ...o,
});

test('durations as docker writes them', () => {
  expect(parseDurationNs('--x', '10s')).toBe(10e9);
  expect(parseDurationNs('--x', '1m30s')).toBe(90e9);
  expect(parseDurationNs('--x', '500ms')).toBe(500e6);
  expect(parseDurationNs('--x', '3')).toBe(3e9);
  expect(() => parseDurationNs('--stop-grace-period', '10 seconds')).toThrow(
    /--stop-grace-period: "10 seconds"/,
  );
});

test('--publish: long form with mode=host; ingress and bad ports are errors naming the flag', () => {
  expect(parsePublish('mode=host,target=80,published=8080')).toEqual({
    protocol: 'TCP',
    publishMode: 'HOST',
    targetPort: 80,
    publishedPort: 8080,
  });
  expect(() => parsePublish('8080:80')).toThrow(/--publish: .*routing mesh.*not supported yet/);
  expect(() => parsePublish('mode=host,target=0')).toThrow(/--publish: target must be a port number/);
  expect(() => parsePublish('mode=host,target=80,colour=red')).toThrow(/--publish: unknown key "colour"/);
});

test('flags -> spec, and the spec passes the control API check', () => {
  const spec = specFromFlags(
    'reg/app:1',
    ['--verbose'],
    flags({ replicas: 3, env: ['A=1'], constraint: ['node.role==worker'], restartCondition: 'on-failure' }),
  );
  expect(spec.replicated).toEqual({ replicas: 3 });
  expect(spec.task?.restart?.condition).toBe('ON_FAILURE');
  const checked = checkServiceSpec(normalize<Service>('services', { spec }).spec);
  expect(checked.mode).toBe('replicated');
  expect(checked.task?.container?.args).toEqual(['--verbose']);
  expect(() => specFromFlags('img', [], flags({ name: undefined }))).toThrow(/--name: required/);
  expect(() => specFromFlags('img', [], flags({ mode: 'global', replicas: 2 }))).toThrow(/--replicas: only/);
  expect(() => specFromFlags('img', [], flags({ env: ['NOVALUE'] }))).toThrow(/--env: "NOVALUE"/);
});

test('the control API names the bad spec field', () => {
  const base = normalize<Service>('services', { spec: specFromFlags('img', [], flags()) }).spec!;
  expect(() => checkServiceSpec({ ...base, annotations: { name: '-bad', labels: {} } })).toThrow(
    /spec.annotations.name: "-bad" is not a valid name/,
  );
  expect(() =>
    checkServiceSpec({
      ...base,
      task: { ...base.task!, container: { ...base.task!.container!, image: '' } },
    }),
  ).toThrow(/spec.task.container.image: required/);
  expect(() =>
    checkServiceSpec({
      ...base,
      task: { ...base.task!, placement: { ...base.task!.placement!, constraints: ['node.colour=blue'] } },
    }),
  ).toThrow(/spec.task_template.placement/);
});

test('progress: converged only when the current tasks run and retired ones have stopped', () => {
  const service = {
    id: 's',
    specVersion: 2,
    spec: { mode: 'replicated', replicated: { replicas: 2 } },
  } as Service;
  const task = (id: string, desired: string, state: string, v = 2, err = ''): Task =>
    ({
      id,
      serviceId: 's',
      desiredState: desired,
      specVersion: v,
      status: { state, err },
    }) as unknown as Task;
  const running = [task('a', 'RUNNING', 'RUNNING'), task('b', 'RUNNING', 'RUNNING')];
  expect(progressOf(service, running).converged).toBe(true);
  expect(progressOf(service, [...running, task('c', 'SHUTDOWN', 'RUNNING', 1)]).converged).toBe(false);
  expect(progressOf(service, [...running, task('c', 'SHUTDOWN', 'SHUTDOWN', 1)]).converged).toBe(true);
  expect(progressOf(service, [running[0], task('b', 'RUNNING', 'RUNNING', 1)]).converged).toBe(false);
  const stuck = progressOf(service, [running[0], task('b', 'RUNNING', 'PENDING', 2, 'no suitable node (x)')]);
  expect(stuck).toEqual({ converged: false, running: 1, wanted: 2, unplaceable: ['no suitable node (x)'] });
});
