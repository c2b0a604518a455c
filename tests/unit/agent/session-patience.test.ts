import * as grpc from '@grpc/grpc-js';
import { keepWaiting } from '../../../worker-agent/session/session';

const err = (code: grpc.status): grpc.ServiceError =>
  Object.assign(new Error('x'), { code, details: 'x', metadata: new grpc.Metadata() });

describe('agent session: a late heartbeat', () => {
  it('keeps the session while a timed-out heartbeat is within a few periods of the last answer', () => {
    expect(keepWaiting(err(grpc.status.DEADLINE_EXCEEDED), 1_200, 500)).toBe(true);
    expect(keepWaiting(err(grpc.status.DEADLINE_EXCEEDED), 2_999, 500)).toBe(true);
  });

  it('gives up once the manager has been silent for longer than that', () => {
    expect(keepWaiting(err(grpc.status.DEADLINE_EXCEEDED), 3_000, 500)).toBe(false);
    // a long configured period stretches the patience with it
    expect(keepWaiting(err(grpc.status.DEADLINE_EXCEEDED), 7_000, 2_000)).toBe(true);
    expect(keepWaiting(err(grpc.status.DEADLINE_EXCEEDED), 8_000, 2_000)).toBe(false);
  });

  it('ends the session at once on any other error (a dead manager, a closed session, a redirect)', () => {
    for (const code of [grpc.status.UNAVAILABLE, grpc.status.NOT_FOUND, grpc.status.FAILED_PRECONDITION])
      expect(keepWaiting(err(code), 100, 500)).toBe(false);
  });
});
