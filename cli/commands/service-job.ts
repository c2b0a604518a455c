// Jobs in the CLI (`--mode replicated-job|global-job`): progress as `service ls` shows it
// (`0/2 (6/6 completed)`), and the default wait of create/update/scale, which follows
// the current run until every completion is done. A slot (or node) whose task failed and
// that the restart policy will not run again ends the wait with the task's error: the
// orchestrator's own restart decision (same store, same rule), so the CLI never waits
// for a restart that will not come.
import type { Service, Task } from '../../manager/api-types';
// The leaf modules, not the orchestrator index: that would load the whole orchestrator
// and the store into every shoal command.
import { groupTasks } from '../../manager/orchestrator/plan';
import { decideRestart, restartPolicyOf } from '../../manager/orchestrator/restart';
import { exitedOnItsOwn, isLive, stateOf } from '../../manager/orchestrator/task-state';
import type { ConnectionOptions } from '../control-client';
import { bySlot, CONVERGE_TIMEOUT_MS, ProgressLines } from './service-converge';
import { followService } from './service-watch';

/** Tasks no node can take for this long end the wait (the scheduler keeps trying). */
const UNPLACEABLE_MS = 5_000;

export const isJobService = (s: Service): boolean =>
  s.spec?.mode === 'replicatedJob' || s.spec?.mode === 'globalJob';

export interface JobProgress {
  /** Completions wanted: --replicas of a replicated job, one per node of a global job. */
  total: number;
  completed: number;
  /** Tasks of this run running now, and how many may run at once. */
  running: number;
  concurrent: number;
  /** Slots (or nodes) that failed for good, with the task's error. */
  failed: Array<{ where: string; err: string }>;
  /** Reasons tasks of this run sit PENDING. */
  unplaceable: string[];
  done: boolean;
}

export function jobProgressOf(service: Service, tasks: readonly Task[], now = Date.now()): JobProgress {
  const global = service.spec?.mode === 'globalJob';
  const current = tasks.filter(
    (t) => t.serviceId === service.id && Number(t.jobIteration) === Number(service.jobIteration),
  );
  const groups = groupTasks(current, (t) => (global ? t.nodeId : String(t.slot)));
  const policy = restartPolicyOf(service);
  const p: JobProgress = {
    total: 0,
    completed: 0,
    running: 0,
    concurrent: 0,
    failed: [],
    unplaceable: [],
    done: false,
  };
  for (const [where, g] of groups) {
    if (g.tasks.some((t) => stateOf(t) === 'COMPLETE')) {
      p.completed++;
      continue;
    }
    const live = g.tasks.filter(isLive);
    p.running += live.filter((t) => stateOf(t) === 'RUNNING').length;
    for (const t of live) if (stateOf(t) === 'PENDING' && t.status?.err) p.unplaceable.push(t.status.err);
    const head = g.head;
    if (live.length || !head || !exitedOnItsOwn(head) || head.desiredState === 'REMOVE') continue;
    if (decideRestart(head, g.tasks, policy, now, true).kind === 'never')
      p.failed.push({ where, err: head.status?.err || head.status?.message || stateOf(head).toLowerCase() });
  }
  const job = service.spec?.replicatedJob;
  if (global) {
    // One task per eligible node, all created in one go by the orchestrator.
    p.total = groups.size;
    p.concurrent = groups.size;
  } else {
    p.total = Number(job?.totalCompletions ?? 0) || Number(job?.maxConcurrent ?? 0) || 1;
    p.concurrent = Math.min(Number(job?.maxConcurrent ?? 0) || p.total, p.total);
  }
  p.done = p.total > 0 && p.completed >= p.total;
  return p;
}

/** `service ls` REPLICAS of a job, as docker: `running/concurrent (completed/total completed)`. */
export function jobReplicasText(service: Service, tasks: readonly Task[]): string {
  const p = jobProgressOf(service, tasks);
  return `${p.running}/${p.concurrent} (${p.completed}/${p.total} completed)`;
}

/**
 * Follows the job's current run: a line per task as its state changes, the counts, and
 * returns once every completion is done. Fails with the reason when a task failed past
 * its restart policy, when tasks cannot be placed, or when nothing runs or moves for the limit.
 */
export function waitForJob(
  o: ConnectionOptions,
  serviceId: string,
  opts: { quiet: boolean; timeoutMs?: number },
): Promise<void> {
  const lines = new ProgressLines(opts.quiet);
  const timeoutMs = opts.timeoutMs ?? CONVERGE_TIMEOUT_MS;
  let lastChange = Date.now();
  let stuckSince = 0;
  return followService(o, serviceId, (service, tasks) => {
    const p = jobProgressOf(service, tasks);
    const name = service.spec?.annotations?.name ?? serviceId;
    const global = service.spec?.mode === 'globalJob';
    const run = tasks.filter((x) => Number(x.jobIteration) === Number(service.jobIteration));
    for (const t of run.sort(bySlot)) {
      const label = global ? t.nodeId.slice(0, 12) : `${t.slot}/${p.total}`;
      const text = `${label}: ${stateOf(t).toLowerCase()}${t.status?.err ? ` (${t.status.err})` : ''}`;
      if (lines.task(t.id, text)) lastChange = Date.now();
    }
    lines.overall(
      `job progress: ${p.completed} out of ${p.total} complete; active tasks: ${p.running} out of ${p.concurrent}`,
    );
    if (p.done) {
      lines.say('verify: Job complete');
      return true;
    }
    if (p.failed.length) {
      const [first] = p.failed;
      throw new Error(
        `job ${name}: ${p.failed.length} task${p.failed.length > 1 ? 's' : ''} failed and the restart policy runs ${p.failed.length > 1 ? 'them' : 'it'} no more ` +
          `(${global ? 'node' : 'slot'} ${first.where}: ${first.err}); ${p.completed} of ${p.total} completed; see \`shoal service ps ${name}\``,
      );
    }
    if (p.unplaceable.length) {
      stuckSince ||= Date.now();
      if (Date.now() - stuckSince >= UNPLACEABLE_MS && p.running === 0)
        throw new Error(
          `job ${name}: ${p.unplaceable.length} task(s) cannot be placed: ${p.unplaceable[0]}. ` +
            'They stay pending and run when a node fits; see `shoal service ps`',
        );
    } else stuckSince = 0;
    // A job's task may run for long; give up only when nothing runs and nothing has
    // moved for the whole limit.
    if (p.running === 0 && Date.now() - lastChange > timeoutMs)
      throw new Error(
        `job ${name}: no progress for ${Math.round(timeoutMs / 1000)} s (${p.completed} of ${p.total} completed, ` +
          `${p.running} running); it keeps running, see \`shoal service ps ${name}\``,
      );
    return false;
  });
}
