// Docker's log stream for a container without a TTY multiplexes stdout and stderr:
// frames of an 8-byte header (stream type, 3 zero bytes, big-endian payload length)
// and the payload. Frames do not align with lines, nor with the chunks a socket
// delivers, so both the frame parser and the line splitter keep partial state.

export type LogStream = 'stdout' | 'stderr';

export interface RawLine {
  stream: LogStream;
  /** The line without its newline (and without the timestamp when one was split off). */
  text: string;
  /** RFC 3339 with nanoseconds, as Docker writes it, when timestamps were asked for. */
  timestamp?: string;
}

const STREAMS: Record<number, LogStream> = { 0: 'stdout', 1: 'stdout', 2: 'stderr' };

/** Splits a byte stream into frames; feed chunks in order, get whole frames out. */
export class FrameDemuxer {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Array<{ stream: LogStream; payload: Buffer }> {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: Array<{ stream: LogStream; payload: Buffer }> = [];
    while (this.pending.length >= 8) {
      const type = this.pending[0];
      const size = this.pending.readUInt32BE(4);
      if (!(type in STREAMS) || this.pending[1] || this.pending[2] || this.pending[3])
        throw new Error(`malformed docker log frame header: ${this.pending.subarray(0, 8).toString('hex')}`);
      if (this.pending.length < 8 + size) break;
      frames.push({ stream: STREAMS[type], payload: this.pending.subarray(8, 8 + size) });
      this.pending = this.pending.subarray(8 + size);
    }
    return frames;
  }

  get bufferedBytes(): number {
    return this.pending.length;
  }
}

const TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) ?/;

/** Turns payload bytes of one stream into whole lines; a final partial line waits for more. */
export class LineSplitter {
  private partial: Record<LogStream, string> = { stdout: '', stderr: '' };

  constructor(private readonly timestamps: boolean) {}

  push(stream: LogStream, payload: Buffer | string): RawLine[] {
    const text = this.partial[stream] + payload.toString('utf8');
    const parts = text.split('\n');
    this.partial[stream] = parts.pop()!;
    return parts.map((line) => this.line(stream, line.replace(/\r$/, '')));
  }

  /** What remains at the end of the stream (a last line without a newline). */
  flush(): RawLine[] {
    const out: RawLine[] = [];
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream]) out.push(this.line(stream, this.partial[stream]));
      this.partial[stream] = '';
    }
    return out;
  }

  private line(stream: LogStream, raw: string): RawLine {
    if (!this.timestamps) return { stream, text: raw };
    const m = TIMESTAMP.exec(raw);
    return m ? { stream, text: raw.slice(m[0].length), timestamp: m[1] } : { stream, text: raw };
  }
}
