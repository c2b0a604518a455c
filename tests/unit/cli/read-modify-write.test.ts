import { readModifyWrite, UPDATE_ATTEMPTS } from '../../../cli/commands/read-modify-write';
import { CallError, GrpcStatus } from '../../../cli/socket-call';

const outOfSequence = () =>
  new CallError(GrpcStatus.ABORTED, 'update out of sequence: node x is at version 35');

describe('read-modify-write of the CLI updates', () => {
  it('reads and applies the change again when the object moved on meanwhile', async () => {
    let reads = 0;
    const result = await readModifyWrite(async () => {
      reads++;
      if (reads < 3) throw outOfSequence();
      return `written on read ${reads}`;
    });
    expect(result).toBe('written on read 3');
  });

  it('gives up after a few attempts with the manager’s message', async () => {
    let reads = 0;
    await expect(
      readModifyWrite(async () => {
        reads++;
        throw outOfSequence();
      }),
    ).rejects.toThrow(/update out of sequence/);
    expect(reads).toBe(UPDATE_ATTEMPTS);
  });

  it('does not retry other errors (bad input, a missing object)', async () => {
    let reads = 0;
    await expect(
      readModifyWrite(async () => {
        reads++;
        throw new CallError(GrpcStatus.NOT_FOUND, 'node w9 not found');
      }),
    ).rejects.toThrow('node w9 not found');
    expect(reads).toBe(1);
  });
});
