// `shoal service` flag parsing and convergence accounting, without a cluster.
import type { Service, Task } from '../../manager/api-types';
import { checkServiceSpec } from '../../manager/control-api/services';
import { parseDurationNs, parsePublish, specFromFlags, CreateFlags } from '../../cli/commands/service-spec';
import { progressOf } from '../../cli/commands/service-converge';
import { jobProgressOf } from '../../cli/commands/service-job';
import { replicasText, serviceCommand } from '../../cli/commands/service';
import { applyContainerUpdateFlags, splitArgs } from '../../cli/commands/service-update-flags';
import { parseMount } from '../../cli/commands/service-container-flags';
import { DEFAULT_UPDATE_CONFIG, firstUpdateFlag } from '../../cli/commands/service-update-config';
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

describe('jobs', () => {
  const checked = (o: Partial<CreateFlags>) =>
    checkServiceSpec(normalize<Service>('services', { spec: specFromFlags('img', [], flags(o)) }).spec);

  test('--mode replicated-job: --replicas completions, --max-concurrent at once; restart on failure', () => {
    const spec = checked({ mode: 'replicated-job', replicas: 6, maxConcurrent: 2 });
    expect(spec.mode).toBe('replicatedJob');
    expect(spec.replicatedJob).toEqual({ totalCompletions: 6, maxConcurrent: 2 });
    expect(spec.task?.restart?.condition).toBe('ON_FAILURE');
    expect(spec.update).toBeNull();
    // --max-concurrent defaults to --replicas; both unset is one task.
    expect(checked({ mode: 'replicated-job', replicas: 3 }).replicatedJob).toEqual({
      totalCompletions: 3,
      maxConcurrent: 3,
    });
    expect(checked({ mode: 'replicated-job' }).replicatedJob).toEqual({
      totalCompletions: 1,
      maxConcurrent: 1,
    });
    expect(checked({ mode: 'replicated-job', restartCondition: 'any' }).task?.restart?.condition).toBe('ANY');
  });

  test('--mode global-job', () => {
    const spec = checked({ mode: 'global-job' });
    expect(spec.mode).toBe('globalJob');
    expect(spec.globalJob).toEqual({});
    expect(spec.task?.restart?.condition).toBe('ON_FAILURE');
  });

  test('job flags in the wrong mode are errors naming the flag', () => {
    expect(() => specFromFlags('img', [], flags({ mode: 'job' }))).toThrow(
      /--mode: must be replicated, global, replicated-job or global-job, got "job"/,
    );
    expect(() => specFromFlags('img', [], flags({ maxConcurrent: 2 }))).toThrow(
      /--max-concurrent: only for --mode replicated-job, not replicated/,
    );
    expect(() => specFromFlags('img', [], flags({ mode: 'global-job', replicas: 2 }))).toThrow(
      /--replicas: only/,
    );
    expect(() => specFromFlags('img', [], flags({ mode: 'replicated-job', replicas: 0 }))).toThrow(
      /--replicas: a replicated job needs at least 1 completion/,
    );
  });

  test('the control API refuses an update config on a job', () => {
    const spec = normalize<Service>('services', {
      spec: specFromFlags('img', [], flags({ mode: 'global-job' })),
    }).spec!;
    expect(() => checkServiceSpec({ ...spec, update: { ...DEFAULT_UPDATE_CONFIG } })).toThrow(
      /spec.update: jobs \(mode globalJob\) take no update config/,
    );
  });

  test('update flags name themselves in errors', () => {
    expect(firstUpdateFlag({ maxFailureRatio: '0.5' }, 'rollback')).toBe('--rollback-max-failure-ratio');
    expect(firstUpdateFlag({}, 'update')).toBeUndefined();
  });

  const job = (o: Partial<Service> & { spec: Service['spec'] }): Service =>
    ({ id: 'j', specVersion: 1, jobIteration: 1, ...o }) as Service;
  let n = 0;
  const jt = (
    slot: number,
    state: string,
    o: { node?: string; iteration?: number; err?: string; desired?: string } = {},
  ): Task =>
    ({
      id: `t${++n}`,
      serviceId: 'j',
      slot,
      nodeId: o.node ?? 'n1',
      specVersion: 1,
      jobIteration: o.iteration ?? 1,
      desiredState: o.desired ?? 'COMPLETE',
      meta: { createdAt: n, updatedAt: n, version: 1 },
      status: { state, err: o.err ?? '', timestamp: 1000 + n, message: '' },
    }) as unknown as Task;
  const replicatedJob = (restart = { condition: 'ON_FAILURE', maxAttempts: 1, delayNs: 0, windowNs: 0 }) =>
    job({
      spec: {
        mode: 'replicatedJob',
        replicatedJob: { totalCompletions: 6, maxConcurrent: 2 },
        task: { restart },
      } as Service['spec'],
    });

  test('progress of a replicated job counts completions of the current run only', () => {
    const s = replicatedJob();
    const tasks = [
      jt(1, 'COMPLETE'),
      jt(2, 'COMPLETE'),
      jt(3, 'RUNNING'),
      jt(4, 'READY'),
      jt(5, 'COMPLETE', { iteration: 0 }), // an earlier run
    ];
    expect(jobProgressOf(s, tasks)).toMatchObject({
      total: 6,
      completed: 2,
      running: 1,
      concurrent: 2,
      failed: [],
      done: false,
    });
    expect(replicasText(s, undefined, tasks)).toBe('1/2 (2/6 completed)');
    const all = [1, 2, 3, 4, 5, 6].map((slot) => jt(slot, 'COMPLETE'));
    expect(jobProgressOf(s, all).done).toBe(true);
    expect(replicasText(s, undefined, all)).toBe('0/2 (6/6 completed)');
  });

  test('a slot that failed past --restart-max-attempts is a failure with the task error', () => {
    const s = replicatedJob();
    const once = [jt(1, 'FAILED', { err: 'task: non-zero exit (3)', desired: 'SHUTDOWN' })];
    expect(jobProgressOf(s, once).failed).toEqual([]); // one restart left
    const twice = [...once, jt(1, 'FAILED', { err: 'task: non-zero exit (3)' })];
    expect(jobProgressOf(s, twice).failed).toEqual([{ where: '1', err: 'task: non-zero exit (3)' }]);
    const none = replicatedJob({ condition: 'NONE', maxAttempts: 0, delayNs: 0, windowNs: 0 });
    expect(jobProgressOf(none, once).failed).toHaveLength(1);
  });

  test('a global job wants one completion per node it runs on', () => {
    const s = job({ spec: { mode: 'globalJob', globalJob: {} } as Service['spec'] });
    const tasks = [jt(0, 'COMPLETE', { node: 'a' }), jt(0, 'RUNNING', { node: 'b' })];
    expect(replicasText(s, undefined, tasks)).toBe('1/2 (1/2 completed)');
    expect(jobProgressOf(s, [...tasks, jt(0, 'COMPLETE', { node: 'b' })]).done).toBe(true);
    expect(jobProgressOf(s, []).done).toBe(false); // no tasks yet is not done
  });
});

describe('templates are checked at create time, naming the flag', () => {
  test('--env, --hostname, --mount', () => {
    const spec = specFromFlags(
      'img',
      [],
      flags({ env: ['SLOT={{.Task.Slot}}'], hostname: '{{.Service.Name}}-{{.Task.Slot}}' }),
    );
    expect(spec.task?.container?.env).toEqual(['SLOT={{.Task.Slot}}']);
    expect(() => specFromFlags('img', [], flags({ env: ['X={{.Task.Nope}}'] }))).toThrow(
      /^--env: unknown template placeholder \{\{\.Task\.Nope\}\}.* in "\{\{\.Task\.Nope\}\}"$/,
    );
    expect(() => specFromFlags('img', [], flags({ hostname: '{{.Node.Name}}' }))).toThrow(
      /^--hostname: unknown template placeholder \{\{\.Node\.Name\}\}/,
    );
    expect(() => specFromFlags('img', [], flags({ hostname: 'h-{{.Task.Slot' }))).toThrow(
      /^--hostname: unclosed/,
    );
    expect(parseMount('type=volume,source=data-{{.Task.Slot}},target=/data').source).toBe(
      'data-{{.Task.Slot}}',
    );
    expect(() => parseMount('type=volume,source=v,target=/d/{{.Task.Number}}')).toThrow(
      /^--mount: unknown template placeholder \{\{\.Task\.Number\}\}/,
    );
  });

  test('a command after the image keeps a leading "--" out', () => {
    expect(specFromFlags('img', ['--', 'sh', '-c', 'x'], flags()).task?.container?.args).toEqual([
      'sh',
      '-c',
      'x',
    ]);
  });
});

describe('service update: container flags as docker', () => {
  const base = () =>
    normalize<Service>('services', {
      spec: specFromFlags(
        'img',
        ['old'],
        flags({ containerLabel: { keep: '1', drop: '2' }, restartCondition: 'on-failure' }),
      ),
    }).spec!;
  const none = { containerLabelAdd: {}, containerLabelRm: [], mountAdd: [], mountRm: [] };

  test('--args splits like a shell; quotes and escapes keep words together', () => {
    expect(splitArgs('--args', `sh -c 'echo "a b"; exit 3'`)).toEqual(['sh', '-c', 'echo "a b"; exit 3']);
    expect(splitArgs('--args', 'a\\ b "c d" ""')).toEqual(['a b', 'c d', '']);
    expect(() => splitArgs('--args', 'a "b')).toThrow(/--args: unclosed "/);
  });

  test('only the flags given change the spec', () => {
    const spec = base();
    applyContainerUpdateFlags(spec, {
      ...none,
      args: 'sleep 5',
      user: 'nobody',
      workdir: '/tmp',
      hostname: '{{.Node.Hostname}}',
      stopGracePeriod: '3s',
      restartMaxAttempts: 2,
      containerLabelAdd: { new: '3' },
      containerLabelRm: ['drop'],
      mountAdd: ['type=tmpfs,target=/scratch'],
      replicasMaxPerNode: 1,
    });
    const c = spec.task!.container!;
    expect(c.args).toEqual(['sleep', '5']);
    expect([c.user, c.dir, c.hostname, c.stopGracePeriodNs]).toEqual([
      'nobody',
      '/tmp',
      '{{.Node.Hostname}}',
      3e9,
    ]);
    expect(spec.task!.restart).toMatchObject({ condition: 'ON_FAILURE', maxAttempts: 2, delayNs: 5e9 });
    expect(c.labels).toEqual({ keep: '1', new: '3' });
    expect(c.mounts.map((m) => m.target)).toEqual(['/scratch']);
    expect(spec.task!.placement!.maxReplicas).toBe(1);
    const untouched = base();
    applyContainerUpdateFlags(untouched, none);
    expect(untouched).toEqual(base());
  });

  test('errors name the flag', () => {
    expect(() => applyContainerUpdateFlags(base(), { ...none, containerLabelRm: ['nope'] })).toThrow(
      /--container-label-rm: no container label "nope"/,
    );
    expect(() => applyContainerUpdateFlags(base(), { ...none, mountRm: ['/x'] })).toThrow(
      /--mount-rm: no mount at target "\/x"/,
    );
    expect(() => applyContainerUpdateFlags(base(), { ...none, hostname: '{{.Task.Nope}}' })).toThrow(
      /--hostname: unknown template placeholder/,
    );
    expect(() => applyContainerUpdateFlags(base(), { ...none, envAdd: ['A={{.Nope}}'] })).toThrow(
      /--env-add: unknown template placeholder/,
    );
    expect(() => applyContainerUpdateFlags(base(), { ...none, restartCondition: 'sometimes' })).toThrow(
      /--restart-condition: must be any, on-failure or none/,
    );
  });

  test("--detach takes docker's =false/=true spellings", () => {
    const detachOf = (argv: string[]) => {
      const create = serviceCommand().commands.find((x) => x.name() === 'create')!;
      create.parseOptions(argv);
      return create.opts().detach as boolean | undefined;
    };
    expect(detachOf(['--name', 'x', 'img'])).toBeUndefined();
    expect(detachOf(['--detach=false', 'img'])).toBe(false);
    expect(detachOf(['-d', 'img'])).toBe(true);
    expect(detachOf(['--detach=true', 'img'])).toBe(true);
    expect(() => detachOf(['--detach=maybe', 'img'])).toThrow(/--detach: must be true or false, got "maybe"/);
  });

  test('the service command defines its flags without conflicts', () => {
    const cmd = serviceCommand();
    const names = (sub: string) => cmd.commands.find((x) => x.name() === sub)!.options.map((opt) => opt.long);
    expect(names('create')).toEqual(
      expect.arrayContaining([
        '--mode',
        '--max-concurrent',
        '--replicas-max-per-node',
        '--user',
        '--workdir',
      ]),
    );
    expect(names('update')).toEqual(
      expect.arrayContaining(['--args', '--user', '--workdir', '--restart-condition', '--max-concurrent']),
    );
  });
});
