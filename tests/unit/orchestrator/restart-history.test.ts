import type { Task } from '../../../manager/api-types';
import { decideRestart, planReplicated, restartPolicyOf } from '../../../manager/orchestrator';
import { ctx, lookup, node, service, T0, task } from './fixtures';

const nodes = lookup([node('a'), node('b')]);
const S = 1_000_000_000; // one second in ns
const withRestart = (restart: Record<string, unknown>, replicas = 1) =>
  service('web', { replicated: { replicas }, task: { container: { image: 'x' }, restart } });

describe('restart supervisor', () => {
  it('defaults to Docker: any condition, 5 s delay, unlimited', () => {
    expect(restartPolicyOf(service('web'))).toEqual({
      condition: 'ANY',
      delayMs: 5000,
      maxAttempts: 0,
      windowMs: 0,
    });
  });

  it('replaces a failed task in the same slot only after the delay (fake clock)', () => {
    const svc = withRestart({ condition: 'ANY', delayNs: 10 * S });
    const failed = task(svc, { slot: 1, nodeId: 'a', state: 'FAILED', at: T0 });
    const early = planReplicated(svc, [failed], nodes, ctx({ now: T0 + 4_000 }));
    expect(early.creates).toEqual([]);
    expect(early.wakeAt).toBe(T0 + 10_000);
    // Marked down at once, so `service ps` shows it as Shutdown/Failed right away.
    expect(early.updates.map((u) => [u.id, u.desiredState])).toEqual([[failed.id, 'SHUTDOWN']]);
    const stopped = { ...failed, desiredState: 'SHUTDOWN' as const };
    const still = planReplicated(svc, [stopped], nodes, ctx({ now: T0 + 9_999 }));
    expect(still.creates).toEqual([]);
    const due = planReplicated(svc, [stopped], nodes, ctx({ now: T0 + 10_000 }));
    expect(due.creates.map((t) => t.slot)).toEqual([1]);
    expect(due.updates.map((u) => u.id)).toEqual([failed.id]); // touched: guards the slot
  });

  it.each([
    ['NONE', 'FAILED', false],
    ['NONE', 'COMPLETE', false],
    ['ON_FAILURE', 'FAILED', true],
    ['ON_FAILURE', 'REJECTED', true],
    ['ON_FAILURE', 'COMPLETE', false],
    ['ANY', 'COMPLETE', true],
  ])('condition %s, task %s -> restart %s', (condition, state, restarts) => {
    const svc = withRestart({ condition, delayNs: 0 });
    const ended = task(svc, { slot: 1, nodeId: 'a', state, at: T0 });
    const p = planReplicated(svc, [ended], nodes, ctx());
    expect(p.creates.length).toBe(restarts ? 1 : 0);
    expect(p.updates.find((u) => u.id === ended.id)?.desiredState).toBe('SHUTDOWN');
    // A settled slot stays settled on the next pass...
    const settled = { ...ended, desiredState: 'SHUTDOWN' as const };
    if (!restarts) {
      expect(planReplicated(svc, [settled], nodes, ctx()).creates).toEqual([]);
      // ...until the service is updated.
      expect(planReplicated({ ...svc, specVersion: 2 }, [settled], nodes, ctx()).creates).toHaveLength(1);
    }
  });

  it('gives up after max attempts within the window, counting the store history', () => {
    const policy = { condition: 'ANY' as const, delayMs: 0, maxAttempts: 2, windowMs: 60_000 };
    const svc = withRestart({ condition: 'ANY', maxAttempts: 2, windowNs: 60 * S });
    const fail = (at: number) =>
      task(svc, { slot: 1, nodeId: 'a', state: 'FAILED', desired: 'SHUTDOWN', at });
    const now = T0 + 100_000;
    const h1 = [fail(now - 3000)];
    const h2 = [...h1, fail(now - 2000)];
    const h3 = [...h2, fail(now - 1000)];
    const newest = (h: Task[]) => h[h.length - 1];
    expect(decideRestart(newest(h1), h1, policy, now, false)).toEqual({ kind: 'now' });
    expect(decideRestart(newest(h2), h2, policy, now, false)).toEqual({ kind: 'now' });
    expect(decideRestart(newest(h3), h3, policy, now, false)).toEqual({
      kind: 'never',
      reason: 'gave up after 2 restart attempts',
    });
    // Failures older than the window do not count.
    const old = [fail(now - 120_000), fail(now - 110_000), fail(now - 1000)];
    expect(decideRestart(old[2], old, policy, now, false)).toEqual({ kind: 'now' });
    // Nor do failures of an earlier spec version.
    const prior = h2.map((t) => ({ ...t, specVersion: 0 }));
    const h = [...prior, fail(now - 500)];
    expect(decideRestart(h[2], h, policy, now, false)).toEqual({ kind: 'now' });
  });

  it('jobs never restart a completed task, even with condition any', () => {
    const policy = { condition: 'ANY' as const, delayMs: 0, maxAttempts: 0, windowMs: 0 };
    const svc = service('job', { mode: 'replicatedJob', replicatedJob: { totalCompletions: 1 } });
    const done = task(svc, { slot: 1, state: 'COMPLETE' });
    expect(decideRestart(done, [done], policy, T0, true).kind).toBe('never');
  });
});

describe('task history', () => {
  const svc = withRestart({ condition: 'ANY', delayNs: 0 });
  const history = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      task(svc, { slot: 1, nodeId: 'a', state: 'FAILED', desired: 'SHUTDOWN', at: T0 + i * 1000 }),
    );

  it('keeps the newest tasks per slot up to the limit (the live one counts), deleting the oldest', () => {
    const dead = history(6);
    const live = task(svc, { slot: 1, nodeId: 'a', at: T0 + 10_000 });
    const p = planReplicated(svc, [...dead, live], lookup([node('a')]), ctx({ historyLimit: 5 }));
    expect(p.deletes.map((d) => d.id)).toEqual([dead[0].id, dead[1].id]);
    expect(p.creates).toEqual([]);
  });

  it('never deletes live tasks, nor the newest task of a slot', () => {
    const dead = history(3);
    const p = planReplicated(svc, dead, lookup([node('a')]), ctx({ historyLimit: 1 }));
    // Head dead[2] is restarted (touched), the two older ones go.
    expect(p.deletes.map((d) => d.id).sort()).toEqual([dead[0].id, dead[1].id].sort());
    expect(p.updates.map((u) => u.id)).toEqual([dead[2].id]);
  });

  it('keeps enough history for max attempts to be counted', () => {
    const capped = withRestart({ condition: 'ANY', maxAttempts: 7 });
    const dead = Array.from({ length: 8 }, (_, i) =>
      task(capped, { slot: 1, nodeId: 'a', state: 'FAILED', desired: 'SHUTDOWN', at: T0 + i }),
    );
    const p = planReplicated(capped, dead, lookup([node('a')]), ctx({ historyLimit: 5, now: T0 + 1e9 }));
    expect(p.deletes).toEqual([]);
    expect(p.creates).toEqual([]); // 8 failures > 7 attempts: gave up
  });

  it('orphans tasks stuck on a node that stayed down, after the timeout', () => {
    const s = withRestart({ condition: 'ANY', delayNs: 0 });
    const stuck = task(s, { slot: 1, nodeId: 'down', state: 'RUNNING', desired: 'SHUTDOWN', at: T0 });
    const replacements = [1, 2, 3, 4, 5].map((i) =>
      task(s, {
        slot: 1,
        nodeId: 'a',
        state: i === 5 ? 'RUNNING' : 'FAILED',
        desired: i === 5 ? 'RUNNING' : 'SHUTDOWN',
        at: T0 + i,
      }),
    );
    const view = lookup([node('a'), node('down', { state: 'DOWN' })]);
    const soon = planReplicated(
      s,
      [stuck, ...replacements],
      view,
      ctx({ now: T0 + 1000, orphanAfterMs: 60_000 }),
    );
    expect(soon.deletes.map((d) => d.id)).toEqual([replacements[0].id]);
    const later = planReplicated(
      s,
      [stuck, ...replacements],
      view,
      ctx({ now: T0 + 61_000, orphanAfterMs: 60_000 }),
    );
    expect(later.deletes.map((d) => d.id)).toEqual([stuck.id]);
  });
});
