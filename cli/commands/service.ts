// `shoal service create|ls|ps|inspect|scale|update|rm`, as `docker service`.
import { parseFilters } from './filters';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Service, Task, Node } from '../../manager/api-types';
import { isWanted } from '../../manager/orchestrator/task-state';
import type { ListServicesResponse__Output } from '../../proto/gen/shoal/api/ListServicesResponse';
import type { ServiceStatus__Output } from '../../proto/gen/shoal/api/ServiceStatus';
import type { GetServiceResponse__Output } from '../../proto/gen/shoal/api/GetServiceResponse';
import type { ListTasksResponse__Output } from '../../proto/gen/shoal/api/ListTasksResponse';
import type { ListNodesResponse__Output } from '../../proto/gen/shoal/api/ListNodesResponse';
import { addConnectionOptions, ConnectionOptions, control, prepareControl } from '../control-client';
import { Column, formatRows, print, timeAgo } from '../output';
import { collect, intOption, keyValueOption } from './options';
import { readModifyWrite } from './read-modify-write';
import { CreateFlags, parseEnv, specFromFlags } from './service-spec';
import { applyContainerFlags, ContainerFlags } from './service-container-flags';
import { waitForConvergence, waitForUpdate } from './service-converge';
import { addImageOptions, ImageFlags, imageForCreate, imageForUpdate } from './service-image';
import { imageForDisplay } from '../registry/reference';
import { isJobService, jobReplicasText, waitForJob } from './service-job';
import {
  addContainerUpdateOptions,
  applyContainerUpdateFlags,
  ContainerUpdateFlags,
} from './service-update-flags';
import { serviceLogsCommand } from './service-logs';
import {
  addUpdateConfigOptions,
  applyUpdateFlags,
  firstUpdateFlag,
  hasUpdateFlags,
  updateFlagsOf,
} from './service-update-config';

const cap = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1).toLowerCase() : '');

/**
 * docker's REPLICAS: `running/desired` as the manager counts them (ListServices status);
 * a job's column follows its current run, which needs its tasks.
 */
export function replicasText(
  s: Service,
  status: ServiceStatus__Output | undefined,
  jobTasks: Task[],
): string {
  if (isJobService(s)) return jobReplicasText(s, jobTasks);
  return `${Number(status?.runningTasks ?? 0)}/${Number(status?.desiredTasks ?? 0)}`;
}

/** docker's MODE column: replicated, global, replicated job, global job. */
function modeText(s: Service): string {
  const m = s.spec?.mode ?? 'replicated';
  return m === 'replicatedJob' ? 'replicated job' : m === 'globalJob' ? 'global job' : m;
}

function portsText(s: Service): string {
  return (s.spec?.endpoint?.ports ?? [])
    .map((p) => `*:${p.publishedPort || ''}->${p.targetPort}/${p.protocol.toLowerCase()}`)
    .join(', ');
}

function serviceColumns(
  statuses: Record<string, ServiceStatus__Output>,
  jobTasks: Task[],
): Column<Service>[] {
  return [
    { header: 'ID', field: 'ID', value: (s) => s.id.slice(0, 12) },
    { header: 'NAME', field: 'Name', value: (s) => s.spec?.annotations?.name ?? '' },
    { header: 'MODE', field: 'Mode', value: modeText },
    { header: 'REPLICAS', field: 'Replicas', value: (s) => replicasText(s, statuses[s.id], jobTasks) },
    { header: 'IMAGE', field: 'Image', value: (s) => imageForDisplay(s.spec?.task?.container?.image ?? '') },
    { header: 'PORTS', field: 'Ports', value: portsText },
  ];
}

type TaskRow = Task & { serviceName: string; nodeName: string };

/** docker's task name: service.slot (replicated) or service.nodeid (global). */
export function taskDisplayName(t: TaskRow): string {
  return t.slot ? `${t.serviceName}.${t.slot}` : `${t.serviceName}.${t.nodeId}`;
}

const TASK_COLUMNS: Column<TaskRow>[] = [
  { header: 'ID', field: 'ID', value: (t) => t.id.slice(0, 12) },
  { header: 'NAME', field: 'Name', value: taskDisplayName },
  { header: 'IMAGE', field: 'Image', value: (t) => imageForDisplay(t.spec?.container?.image ?? '') },
  { header: 'NODE', field: 'Node', value: (t) => t.nodeName },
  { header: 'DESIRED STATE', field: 'DesiredState', value: (t) => cap(t.desiredState) },
  {
    header: 'CURRENT STATE',
    field: 'CurrentState',
    value: (t) => `${cap(t.status?.state ?? '')} ${timeAgo(Number(t.status?.timestamp ?? 0))}`.trim(),
  },
  { header: 'ERROR', field: 'Error', value: (t) => t.status?.err ?? '' },
];

export async function getService(o: ConnectionOptions, ref: string): Promise<Service> {
  return (await control<GetServiceResponse__Output>(o, 'GetService', { serviceId: ref })).service as Service;
}

export async function serviceTasks(o: ConnectionOptions, serviceIds: string[]): Promise<Task[]> {
  if (serviceIds.length === 0) return [];
  return (await control<ListTasksResponse__Output>(o, 'ListTasks', { filters: { serviceIds } }))
    .tasks as Task[];
}

export async function nodeNames(o: ConnectionOptions): Promise<Map<string, string>> {
  const res = await control<ListNodesResponse__Output>(o, 'ListNodes', {});
  return new Map((res.nodes as Node[]).map((n) => [n.id, n.description?.hostname ?? n.id]));
}

/** docker's --filter for services: id=, name=, label=k[=v], mode=. */
function serviceFilters(filters: string[]): object {
  return parseFilters(
    filters,
    { modes: [] as string[] },
    (key, value, own) => {
      if (key !== 'mode') return false;
      if (!['replicated', 'global', 'replicated-job', 'global-job'].includes(value))
        throw new Error(
          `--filter mode: must be replicated, global, replicated-job or global-job, got "${value}"`,
        );
      own.modes.push(value);
      return true;
    },
    ['mode'],
  );
}

interface WaitFlags {
  detach?: boolean;
  quiet?: boolean;
}

async function afterChange(o: ConnectionOptions & WaitFlags, service: Service): Promise<void> {
  print(service.id);
  if (o.detach) return;
  await waitFor(o, service);
}

/** A job is followed until its run completes; a service until it converges. */
function waitFor(o: ConnectionOptions & WaitFlags, service: Service): Promise<void> {
  if (isJobService(service)) return waitForJob(o, service.id, { quiet: !!o.quiet });
  return waitForConvergence(o, service.id, { quiet: !!o.quiet });
}

/** Jobs run once per update: --update-* and --rollback-* mean nothing to them (as docker). */
function refuseUpdateConfigForJob(flags: Record<string, unknown>): void {
  for (const kind of ['update', 'rollback'] as const) {
    const flag = firstUpdateFlag(updateFlagsOf(flags, kind), kind);
    if (flag) throw new Error(`${flag}: jobs (replicated-job, global-job) take no ${kind} config`);
  }
}

/** Waits on the rollout when the change started one (new task spec), else on convergence. */
async function afterUpdate(
  o: ConnectionOptions & WaitFlags,
  before: number,
  service: Service,
  rollback: boolean,
): Promise<void> {
  print(service.id);
  if (o.detach) return;
  if (isJobService(service)) return waitForJob(o, service.id, { quiet: !!o.quiet });
  const rolling = Number(service.specVersion) > before;
  if (rolling) await waitForUpdate(o, service.id, { quiet: !!o.quiet, rollback });
  else await waitForConvergence(o, service.id, { quiet: !!o.quiet });
}

function addWaitOptions(cmd: Command): Command {
  // docker's flag is a bool that takes `--detach=false` (the default here) and
  // `--detach=true`; commander's boolean flags take no value, so those spellings are
  // mapped to --no-detach / --detach before it parses.
  const parse = cmd.parseOptions.bind(cmd);
  cmd.parseOptions = (argv: string[]) => parse(argv.map(detachSpelling));
  return cmd
    .option('-d, --detach', 'exit immediately instead of waiting for the service to converge')
    .option('--no-detach', 'wait for the service to converge (the default)')
    .option('-q, --quiet', 'suppress progress output');
}

function detachSpelling(arg: string): string {
  const m = /^(?:--detach|-d)=(.*)$/.exec(arg);
  if (!m) return arg;
  if (['true', '1'].includes(m[1])) return '--detach';
  if (['false', '0'].includes(m[1])) return '--no-detach';
  throw new InvalidArgumentError(`--detach: must be true or false, got "${m[1]}"`);
}

/**
 * Applies `change` to the latest service and sends it (read again and reapplied when the
 * service moved on meanwhile). Returns the updated service and the spec version the
 * change was applied to, which tells whether it started a rollout.
 */
async function updateService(
  o: ConnectionOptions,
  ref: string,
  change: (s: Service) => void,
  force = false,
): Promise<{ updated: Service; before: number }> {
  return readModifyWrite(async () => {
    const current = await getService(o, ref);
    const before = Number(current.specVersion);
    const spec = current.spec!;
    change(current);
    if (force && spec.task) spec.task.forceUpdate = Number(spec.task.forceUpdate ?? 0) + 1;
    const res = await control<GetServiceResponse__Output>(o, 'UpdateService', {
      serviceId: current.id,
      serviceVersion: current.meta?.version,
      spec,
    });
    return { updated: res.service as Service, before };
  });
}

/**
 * docker service rollback: back to the previous spec. Retried like any update: a rollback
 * is most wanted during a rollout, when the service's update status keeps moving.
 */
async function rollbackService(o: ConnectionOptions & WaitFlags, ref: string): Promise<void> {
  const { updated, before } = await readModifyWrite(async () => {
    const current = await getService(o, ref);
    const res = await control<GetServiceResponse__Output>(o, 'UpdateService', {
      serviceId: current.id,
      serviceVersion: current.meta?.version,
      rollback: 'PREVIOUS',
    });
    return { updated: res.service as Service, before: Number(current.specVersion) };
  });
  await afterUpdate(o, before, updated, true);
}

/** `service update` flags that shape a job: completions, concurrency; no update config. */
function applyJobUpdate(
  spec: NonNullable<Service['spec']>,
  o: { replicas?: number; maxConcurrent?: number },
  flags: Record<string, unknown>,
): void {
  if (spec.mode !== 'replicatedJob') {
    if (o.maxConcurrent !== undefined) throw new Error('--max-concurrent: only for replicated jobs');
    if (spec.mode === 'globalJob') refuseUpdateConfigForJob(flags);
    return;
  }
  refuseUpdateConfigForJob(flags);
  const job = { ...spec.replicatedJob! };
  if (o.replicas !== undefined) {
    if (o.replicas < 1) throw new Error('--replicas: a replicated job needs at least 1 completion');
    job.totalCompletions = o.replicas;
  }
  if (o.maxConcurrent !== undefined) {
    if (o.maxConcurrent < 1) throw new Error('--max-concurrent: must be at least 1');
    job.maxConcurrent = o.maxConcurrent;
  }
  spec.replicatedJob = job;
}

export function serviceCommand(): Command {
  // Positional options let `create IMAGE CMD ARGS...` pass the command's own flags through.
  const service = new Command('service')
    .description('manage services (on a manager)')
    .enablePositionalOptions();

  const create = addConnectionOptions(
    addWaitOptions(
      service
        .command('create')
        .description('create a service')
        .argument('<image>', 'the image to run')
        .argument('[args...]', 'command arguments')
        .option('--name <name>', 'service name')
        .option('--mode <mode>', 'replicated, global, replicated-job or global-job', 'replicated')
        .option(
          '--replicas <n>',
          'number of tasks (replicated), of completions (replicated-job)',
          intOption('--replicas'),
        )
        .option(
          '--max-concurrent <n>',
          'job tasks run at once (replicated-job; default: --replicas)',
          intOption('--max-concurrent'),
        )
        .option('-e, --env <KEY=value>', 'environment variable', collect, [])
        .option('-l, --label <key=value>', 'service label', keyValueOption('--label'), {})
        .option('--container-label <key=value>', 'container label', keyValueOption('--container-label'), {})
        .option('--constraint <expr>', 'placement constraint (node.role==worker, ...)', collect, [])
        .option('--replicas-max-per-node <n>', 'maximum tasks per node', intOption('--replicas-max-per-node'))
        .addOption(new Option('--max-replicas <n>').argParser(intOption('--max-replicas')).hideHelp())
        .option('-p, --publish <spec>', 'publish a port: mode=host,target=80,published=8080', collect, [])
        .option('--restart-condition <c>', 'any, on-failure or none')
        .option('--restart-delay <duration>', 'delay between restarts (default 5s)')
        .option(
          '--restart-max-attempts <n>',
          'restarts before giving up',
          intOption('--restart-max-attempts'),
        )
        .option('--restart-window <duration>', 'window in which restarts are counted')
        .option('--stop-grace-period <duration>', 'time to wait before killing a container')
        .option('--hostname <name>', 'container hostname (templates allowed)')
        .option('-w, --workdir <dir>', 'working directory in the container')
        .option('-u, --user <user>', 'user in the container')
        .option('--mount <spec>', 'type=bind|volume|tmpfs,source=...,target=...[,readonly]', collect, [])
        .option('--env-file <file>', 'read environment variables from a file', collect, [])
        .option('--entrypoint <command>', "override the image's entrypoint")
        .option('--stop-signal <signal>', 'signal that stops a container')
        .option('--health-cmd <command>', 'command that checks health')
        .option('--health-interval <duration>', 'time between health checks')
        .option('--health-timeout <duration>', 'time a health check may take')
        .option('--health-retries <n>', 'failures before unhealthy', intOption('--health-retries'))
        .option('--health-start-period <duration>', 'grace period before failures count')
        .option('--no-healthcheck', "disable the image's health check")
        .option('--reserve-cpu <cpus>', 'CPUs reserved per task (the scheduler counts them)')
        .option('--reserve-memory <bytes>', 'memory reserved per task, e.g. 64m')
        .option('--limit-cpu <cpus>', 'CPU limit per task')
        .option('--limit-memory <bytes>', 'memory limit per task, e.g. 128m')
        .option('--placement-pref <pref>', 'spread=node.labels.<label>', collect, []),
    ),
  );
  addUpdateConfigOptions(create, 'update');
  addUpdateConfigOptions(create, 'rollback');
  addImageOptions(create);
  // As docker: everything after the image is the command and its arguments (`sh -c ...`).
  create.passThroughOptions();
  create.action(
    async (
      image: string,
      args: string[],
      o: ConnectionOptions & CreateFlags & ContainerFlags & WaitFlags & ImageFlags,
    ) => {
      const spec = specFromFlags(image, args, o);
      applyContainerFlags(spec.task as Parameters<typeof applyContainerFlags>[0], o);
      const pinned = imageForCreate(image, o); // asks the registry; meanwhile:
      prepareControl(o, 'CreateService');
      Object.assign(spec.task!.container!, await pinned);
      const flags = o as unknown as Record<string, unknown>;
      if (spec.replicatedJob || spec.globalJob) refuseUpdateConfigForJob(flags);
      else {
        spec.update = applyUpdateFlags('update', updateFlagsOf(flags, 'update'));
        spec.rollback = applyUpdateFlags('rollback', updateFlagsOf(flags, 'rollback'));
      }
      const res = await control<GetServiceResponse__Output>(o, 'CreateService', { spec });
      await afterChange(o, res.service as Service);
    },
  );

  addConnectionOptions(
    service
      .command('ls')
      .alias('list')
      .description('list services')
      .option('-f, --filter <key=value>', 'filter: id, name, label, mode', collect, [])
      .option('--format <format>', 'table, json, or a {{.Field}} template')
      .option('-q, --quiet', 'only ids'),
  ).action(async (o: ConnectionOptions & { filter: string[]; format?: string; quiet?: boolean }) => {
    const filters = serviceFilters(o.filter);
    const res = await control<ListServicesResponse__Output>(o, 'ListServices', { filters, status: !o.quiet });
    const services = (res.services as Service[]).sort((a, b) =>
      (a.spec?.annotations?.name ?? '').localeCompare(b.spec?.annotations?.name ?? ''),
    );
    const jobTasks = o.quiet
      ? []
      : await serviceTasks(
          o,
          services.filter(isJobService).map((s) => s.id),
        );
    print(
      formatRows(
        services,
        serviceColumns(res.statuses, jobTasks),
        { format: o.format, quiet: o.quiet },
        (s) => s.id,
      ),
    );
  });

  addConnectionOptions(
    service
      .command('ps')
      .description('list the tasks of services')
      .argument('<service...>', 'id, id prefix or name')
      .option('-f, --filter <key=value>', 'filter: desired-state=running|shutdown|accepted, node=')
      .option('--format <format>', 'table, json, or a {{.Field}} template')
      .option('-q, --quiet', 'only ids'),
  ).action(
    async (refs: string[], o: ConnectionOptions & { filter?: string; format?: string; quiet?: boolean }) => {
      const services = await Promise.all(refs.map((r) => getService(o, r)));
      const [tasks, names] = await Promise.all([
        serviceTasks(
          o,
          services.map((s) => s.id),
        ),
        nodeNames(o),
      ]);
      const serviceName = new Map(services.map((s) => [s.id, s.spec?.annotations?.name ?? s.id]));
      let rows: TaskRow[] = tasks.map((t) => ({
        ...t,
        serviceName: serviceName.get(t.serviceId) ?? t.serviceId,
        nodeName: names.get(t.nodeId) ?? t.nodeId,
      }));
      if (o.filter) {
        const [k, v] = o.filter.split('=', 2);
        if (k === 'desired-state') {
          if (!['running', 'shutdown', 'accepted'].includes(v))
            throw new Error(`--filter desired-state: must be running, shutdown or accepted, got "${v}"`);
          rows = rows.filter((t) => (v === 'running' ? isWanted(t) : !isWanted(t)));
        } else if (k === 'node') rows = rows.filter((t) => t.nodeName === v || t.nodeId.startsWith(v));
        else throw new Error(`--filter: unknown filter "${k}"; filters: desired-state, node`);
      }
      // docker's order: by service, slot (or node, for global services, whose tasks have
      // no slot), newest first within it. A replicated slot's tasks may have run on
      // several nodes: the node must not split them.
      rows.sort(
        (a, b) =>
          a.serviceName.localeCompare(b.serviceName) ||
          Number(a.slot) - Number(b.slot) ||
          (Number(a.slot) === 0 ? a.nodeId.localeCompare(b.nodeId) : 0) ||
          Number(b.meta?.createdAt ?? 0) - Number(a.meta?.createdAt ?? 0),
      );
      print(formatRows(rows, TASK_COLUMNS, { format: o.format, quiet: o.quiet }, (t) => t.id));
    },
  );

  addConnectionOptions(
    service
      .command('inspect')
      .description('show services in detail (JSON)')
      .argument('<service...>', 'id, id prefix or name')
      .option('-f, --format <format>', 'json (default) or a {{.Field}} template (the ls fields, full ID)')
      .option('--pretty', 'human-readable sections instead of JSON'),
  ).action(async (refs: string[], o: ConnectionOptions & { format?: string; pretty?: boolean }) => {
    if (o.pretty && o.format) throw new Error('--format and --pretty cannot be combined');
    const services = await Promise.all(refs.map((r) => getService(o, r)));
    if (o.pretty) {
      const { prettyService } = await import('./service-pretty');
      print(services.map((s) => prettyService(s)).join('\n\n'));
      return;
    }
    if (!o.format || o.format === 'json') {
      print(JSON.stringify(services, null, 4));
      return;
    }
    const ids = services.map((s) => s.id);
    const res = await control<ListServicesResponse__Output>(o, 'ListServices', {
      filters: { common: { idPrefixes: ids } },
      status: true,
    });
    const jobTasks = await serviceTasks(
      o,
      services.filter(isJobService).map((s) => s.id),
    );
    // As docker's inspect templates: {{.ID}} is the whole id, where ls shortens it.
    const columns = serviceColumns(res.statuses, jobTasks).map((c) =>
      c.field === 'ID' ? { ...c, value: (s: Service) => s.id } : c,
    );
    print(formatRows(services, columns, { format: o.format }));
  });

  addConnectionOptions(
    addWaitOptions(
      service
        .command('scale')
        .description('set the number of replicas of services')
        .argument('<service=replicas...>', 'e.g. web=5'),
    ),
  ).action(async (pairs: string[], o: ConnectionOptions & WaitFlags) => {
    const wanted = pairs.map((p) => {
      const m = /^(.+)=(\d+)$/.exec(p);
      if (!m) throw new Error(`scale: "${p}" must look like SERVICE=REPLICAS`);
      return { ref: m[1], replicas: Number(m[2]) };
    });
    for (const { ref, replicas } of wanted) {
      const { updated } = await updateService(o, ref, (s) => {
        // As docker: a replicated job scales its completions (and runs again); global modes do not scale.
        if (s.spec?.mode === 'replicatedJob') {
          if (replicas < 1) throw new Error(`scale: ${ref}: a replicated job needs at least 1 completion`);
          s.spec.replicatedJob = { ...s.spec.replicatedJob!, totalCompletions: replicas };
        } else if (s.spec?.mode === 'replicated') s.spec.replicated = { replicas };
        else throw new Error(`${ref}: scale can only be used with replicated or replicated-job mode`);
      });
      print(`${ref} scaled to ${replicas}`);
      if (!o.detach) await waitFor(o, updated);
    }
  });

  const update = addConnectionOptions(
    addWaitOptions(
      service
        .command('update')
        .description('change a service')
        .argument('<service>', 'id, id prefix or name')
        .option('--image <image>', 'a new image')
        .option(
          '--replicas <n>',
          'number of tasks (completions of a replicated job)',
          intOption('--replicas'),
        )
        .option(
          '--max-concurrent <n>',
          'job tasks run at once (replicated-job)',
          intOption('--max-concurrent'),
        )
        .option('--env-add <KEY=value>', 'add or change an environment variable', collect, [])
        .option('--env-rm <KEY>', 'remove an environment variable', collect, [])
        .option('--constraint-add <expr>', 'add a placement constraint', collect, [])
        .option('--constraint-rm <expr>', 'remove a placement constraint', collect, [])
        .option('--label-add <key=value>', 'add or change a service label', keyValueOption('--label-add'), {})
        .option('--label-rm <key>', 'remove a service label', collect, [])
        .option('--force', 'redeploy the tasks even if nothing changed')
        .option('--rollback', "roll back to the service's previous spec"),
    ),
  );
  addUpdateConfigOptions(update, 'update');
  addUpdateConfigOptions(update, 'rollback');
  addImageOptions(update);
  addContainerUpdateOptions(update);
  update.action(
    async (
      ref: string,
      o: ConnectionOptions &
        WaitFlags &
        ImageFlags & {
          image?: string;
          replicas?: number;
          maxConcurrent?: number;
          envAdd: string[];
          envRm: string[];
          constraintAdd: string[];
          constraintRm: string[];
          labelAdd: Record<string, string>;
          labelRm: string[];
          force?: boolean;
          rollback?: boolean;
        },
    ) => {
      const flags = o as unknown as Record<string, unknown>;
      const updateFlags = updateFlagsOf(flags, 'update');
      const rollbackFlags = updateFlagsOf(flags, 'rollback');
      if (o.rollback) {
        const changes = [o.image, o.replicas, o.force, ...o.envAdd, ...o.envRm].filter(
          (x) => x !== undefined,
        );
        if (changes.length || hasUpdateFlags(updateFlags) || hasUpdateFlags(rollbackFlags))
          throw new Error('--rollback: cannot be combined with other changes');
        await rollbackService(o, ref);
        return;
      }
      const current = await getService(o, ref);
      const image = await imageForUpdate(current.spec?.task?.container?.image ?? '', o);
      const { updated, before } = await updateService(
        o,
        ref,
        (s) => {
          const spec = s.spec!;
          const c = spec.task!.container!;
          Object.assign(c, image);
          applyJobUpdate(spec, o, flags);
          applyContainerUpdateFlags(spec, o as typeof o & ContainerUpdateFlags);
          if (o.replicas !== undefined && spec.mode === 'replicated')
            spec.replicated = { replicas: o.replicas };
          else if (o.replicas !== undefined && spec.mode !== 'replicatedJob')
            throw new Error('--replicas: only for replicated services and replicated jobs');
          const adds = o.envAdd.map((e) => parseEnv('--env-add', e));
          const dropped = new Set([...o.envRm, ...adds.map((e) => e.slice(0, e.indexOf('=')))]);
          c.env = [...c.env.filter((e) => !dropped.has(e.slice(0, e.indexOf('=')))), ...adds];
          const placement = (spec.task!.placement ??= {
            constraints: [],
            preferences: [],
            maxReplicas: 0,
            platforms: [],
          });
          for (const x of o.constraintRm) {
            if (!placement.constraints.includes(x))
              throw new Error(`--constraint-rm: service ${ref} has no constraint "${x}"`);
          }
          placement.constraints = [
            ...placement.constraints.filter((x) => !o.constraintRm.includes(x)),
            ...o.constraintAdd,
          ];
          const ann = (spec.annotations ??= { name: ref, labels: {} });
          for (const k of o.labelRm) {
            if (!(k in ann.labels)) throw new Error(`--label-rm: service ${ref} has no label "${k}"`);
            delete ann.labels[k];
          }
          Object.assign(ann.labels, o.labelAdd);
          if (hasUpdateFlags(updateFlags)) spec.update = applyUpdateFlags('update', updateFlags, spec.update);
          if (hasUpdateFlags(rollbackFlags))
            spec.rollback = applyUpdateFlags('rollback', rollbackFlags, spec.rollback);
        },
        !!o.force,
      );
      await afterUpdate(o, before, updated, false);
    },
  );

  addConnectionOptions(
    addWaitOptions(
      service
        .command('rollback')
        .description('revert a service to its previous spec (as docker service rollback)')
        .argument('<service>', 'id, id prefix or name'),
    ),
  ).action(async (ref: string, o: ConnectionOptions & WaitFlags) => rollbackService(o, ref));

  addConnectionOptions(
    service
      .command('rm')
      .alias('remove')
      .description('remove services (their containers are stopped and removed)')
      .argument('<service...>', 'id, id prefix or name'),
  ).action(async (refs: string[], o: ConnectionOptions) => {
    for (const ref of refs) {
      const s = await getService(o, ref);
      await control(o, 'RemoveService', { serviceId: s.id });
      print(ref);
    }
  });

  service.addCommand(serviceLogsCommand());
  return service;
}
