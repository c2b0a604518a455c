// The replicated key-value state machine the simulated clients talk to. Commands carry
// (client, seq) so a command applied twice (a duplicated forward, or a client retry
// that raced the first attempt) takes effect once and answers with the first result,
// as Raft's client sessions prescribe (Ongaro's thesis, section 6.3).
import { KvInput, KvOutput } from '../linearizability';

export interface KvCommand {
  client: number;
  seq: number;
  op: KvInput;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeCommand(cmd: KvCommand): Uint8Array {
  return encoder.encode(JSON.stringify(cmd));
}

export function decodeCommand(data: Uint8Array): KvCommand {
  return JSON.parse(decoder.decode(data)) as KvCommand;
}

interface Session {
  seq: number;
  result: KvOutput;
}

export class KvStateMachine {
  private data = new Map<string, string>();
  private sessions = new Map<number, Session>();

  // undefined when this command is older than the client's last applied one: the
  // client has moved on, so nobody awaits the answer.
  apply(cmd: KvCommand, useSessions = true): KvOutput | undefined {
    const session = useSessions ? this.sessions.get(cmd.client) : undefined;
    if (session && cmd.seq < session.seq) return undefined;
    if (session && cmd.seq === session.seq) return session.result;
    const result = this.execute(cmd.op);
    this.sessions.set(cmd.client, { seq: cmd.seq, result });
    return result;
  }

  read(key: string): KvOutput {
    return { value: this.data.get(key) ?? null };
  }

  private execute(op: KvInput): KvOutput {
    const current = this.data.get(op.key) ?? null;
    switch (op.kind) {
      case 'get':
        return { value: current };
      case 'put':
        this.data.set(op.key, op.value);
        return {};
      case 'append':
        this.data.set(op.key, (current ?? '') + op.value);
        return {};
      case 'cas': {
        const ok = current === op.expected;
        if (ok) this.data.set(op.key, op.value);
        return { ok };
      }
    }
  }

  snapshot(): Uint8Array {
    return encoder.encode(JSON.stringify({ data: [...this.data], sessions: [...this.sessions] }));
  }

  static restore(bytes: Uint8Array): KvStateMachine {
    const sm = new KvStateMachine();
    if (bytes.length === 0) return sm;
    const parsed = JSON.parse(decoder.decode(bytes)) as {
      data: [string, string][];
      sessions: [number, Session][];
    };
    sm.data = new Map(parsed.data);
    sm.sessions = new Map(parsed.sessions);
    return sm;
  }
}
