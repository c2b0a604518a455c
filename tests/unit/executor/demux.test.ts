import { FrameDemuxer, LineSplitter } from '../../../worker-agent/logs/demux';

function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe('FrameDemuxer + LineSplitter', () => {
  test('frames split anywhere across chunks still give whole lines per stream', () => {
    const bytes = Buffer.concat([
      frame(1, 'out a\nout '),
      frame(2, 'err a\n'),
      frame(1, 'b\n'),
      frame(2, 'tail'),
    ]);
    // every split point, including inside headers
    for (let cut = 0; cut <= bytes.length; cut++) {
      const demux = new FrameDemuxer();
      const lines = new LineSplitter(false);
      const got = [bytes.subarray(0, cut), bytes.subarray(cut)].flatMap((chunk) =>
        demux.push(chunk).flatMap((f) => lines.push(f.stream, f.payload)),
      );
      got.push(...lines.flush());
      expect(got).toEqual([
        { stream: 'stdout', text: 'out a' },
        { stream: 'stderr', text: 'err a' },
        { stream: 'stdout', text: 'out b' },
        { stream: 'stderr', text: 'tail' },
      ]);
      expect(demux.bufferedBytes).toBe(0);
    }
  });

  test('timestamps are split off; lines without one pass through', () => {
    const lines = new LineSplitter(true);
    expect(lines.push('stdout', '2024-05-01T10:00:00.123456789Z hello world\r\nno stamp\n')).toEqual([
      { stream: 'stdout', text: 'hello world', timestamp: '2024-05-01T10:00:00.123456789Z' },
      { stream: 'stdout', text: 'no stamp' },
    ]);
  });

  test('a malformed header is an error, not garbage lines', () => {
    const demux = new FrameDemuxer();
    expect(() => demux.push(Buffer.from('plain text, not a frame'))).toThrow(
      /malformed docker log frame header/,
    );
  });
});
