// The CLI's pure parts of `service logs`: --since/--tail parsing, docker's task@node
// prefix with its padding, and the time-ordered merge of several tasks' lines.
import {
  formatLine,
  mergeByTime,
  parseSince,
  parseTail,
  taskPrefix,
  timestampKey,
} from '../../../cli/commands/service-logs';
import type { LogMessage__Output } from '../../../proto/gen/shoal/api/LogMessage';

const NOW = Date.parse('2026-11-22T18:00:00Z');
const TASK = 'abcdef1234567890abcdef12';

function msg(over: Partial<LogMessage__Output> & { slot?: number } = {}): LogMessage__Output {
  const { slot = 1, ...rest } = over;
  return {
    context: {
      serviceId: 'svc',
      nodeId: 'node123',
      taskId: TASK,
      serviceName: 'web',
      slot,
      nodeHostname: 'w1',
    },
    stream: 'STDOUT',
    timestamp: '2026-11-22T17:59:59.000000001Z',
    line: 'hello',
    ...rest,
  };
}

describe('parseSince', () => {
  it('takes Go durations back from now', () => {
    expect(parseSince('10m', NOW)).toBe(NOW - 600_000);
    expect(parseSince('1h30m', NOW)).toBe(NOW - 5_400_000);
    expect(parseSince('1.5s', NOW)).toBe(NOW - 1_500);
    expect(parseSince('250ms', NOW)).toBe(NOW - 250);
  });

  it('takes RFC 3339 times, dates and Unix seconds', () => {
    expect(parseSince('2026-11-22T17:00:00Z', NOW)).toBe(Date.parse('2026-11-22T17:00:00Z'));
    expect(parseSince('2026-11-22T17:00:00.5+01:00', NOW)).toBe(Date.parse('2026-11-22T16:00:00.5Z'));
    expect(parseSince('2026-11-22', NOW)).toBe(Date.parse('2026-11-22'));
    expect(parseSince('1763830800', NOW)).toBe(1_763_830_800_000);
    expect(parseSince('1763830800.25', NOW)).toBe(1_763_830_800_250);
  });

  it.each(['yesterday', '-5m', '10x', '2026-13-45T00:00:00Z', ''])('rejects %j naming --since', (v) => {
    expect(() => parseSince(v, NOW)).toThrow(/^--since: expected a duration .* got "/);
  });
});

describe('parseTail', () => {
  it('"all" is -1, a count is itself', () => {
    expect(parseTail('all')).toBe(-1);
    expect(parseTail('0')).toBe(0);
    expect(parseTail('25')).toBe(25);
  });
  it.each(['-1', 'ten', '1.5', ''])('rejects %j naming --tail', (v) => {
    expect(() => parseTail(v)).toThrow(/^--tail: expected a whole number >= 0 or "all"/);
  });
});

describe('the task@node prefix', () => {
  const ctx = msg().context!;
  it('is service.slot.shortid@host as docker prints it', () => {
    expect(taskPrefix(ctx, {})).toBe('web.1.abcdef123456@w1');
    expect(taskPrefix(ctx, { noTrunc: true })).toBe(`web.1.${TASK}@w1`);
    expect(taskPrefix(ctx, { noTaskIds: true })).toBe('web.1@w1');
  });
  it('names the node id for a global task (slot 0)', () => {
    expect(taskPrefix({ ...ctx, slot: 0 }, { noTaskIds: true })).toBe('web.node123@w1');
  });

  it('pads short slots so the bars line up, and puts timestamps after the bar', () => {
    const f = { slotWidth: 2 };
    expect(formatLine(msg({ slot: 3 }), f)).toBe('web.3.abcdef123456@w1     | hello');
    expect(formatLine(msg({ slot: 12 }), f)).toBe('web.12.abcdef123456@w1    | hello');
    expect(formatLine(msg(), { slotWidth: 1, timestamps: true })).toBe(
      'web.1.abcdef123456@w1    | 2026-11-22T17:59:59.000000001Z hello',
    );
  });

  it('--raw prints the line alone', () => {
    expect(formatLine(msg(), { slotWidth: 1, raw: true })).toBe('hello');
    expect(formatLine(msg(), { slotWidth: 1, raw: true, timestamps: true })).toBe(
      '2026-11-22T17:59:59.000000001Z hello',
    );
  });
});

describe('merging tasks by time', () => {
  it('orders by seconds then nanoseconds, whatever the fraction width and zone', () => {
    expect(timestampKey('2026-11-22T17:59:59.5Z')).toEqual([Date.parse('2026-11-22T17:59:59Z') / 1000, 5e8]);
    expect(timestampKey('2026-11-22T18:59:59.000000001+01:00')).toEqual([
      Date.parse('2026-11-22T17:59:59Z') / 1000,
      1,
    ]);
  });

  it('interleaves tasks by timestamp and keeps each task order on ties', () => {
    const lines = [
      { timestamp: '2026-11-22T17:00:02.000000000Z', line: 'a2' },
      { timestamp: '2026-11-22T17:00:03.1Z', line: 'a3' },
      { timestamp: '2026-11-22T17:00:01.999999999Z', line: 'b1' },
      { timestamp: '2026-11-22T17:00:02Z', line: 'b2' },
      { timestamp: '', line: 'undated' },
      { timestamp: '2026-11-22T17:00:03.05Z', line: 'b3' },
    ];
    expect(mergeByTime(lines).map((l) => l.line)).toEqual(['b1', 'a2', 'b2', 'b3', 'a3', 'undated']);
  });
});
