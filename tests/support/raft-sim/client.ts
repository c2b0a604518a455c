// A simulated client: one operation at a time, recorded in the shared history from
// its first send to the first answer, retried on timeout or refusal against another
// node under the same (client, seq) so the state machine applies it at most once.
import { HistoryRecorder, KvInput, KvOutput } from '../linearizability';
import { NodeId, NONE } from '../../../raft/types';
import { Prng } from './prng';
import { ClientRequest, ClientResponse, ReadPath } from './protocol';

export interface ClientEnv {
  now(): number;
  nodeIds(): NodeId[];
  send(from: number, to: NodeId, request: ClientRequest): void;
  history: HistoryRecorder<KvInput, KvOutput>;
  trace(line: string): void;
}

export interface ClientOptions {
  keys: string[];
  readPaths: ReadPath[];
  timeoutUnits: number;
  maxThinkUnits: number;
}

interface Outstanding {
  request: ClientRequest;
  historyId: number;
  retryAt: number;
  target: NodeId;
  attempts: number;
  refused: boolean;
}

export const CLIENT_ENDPOINT_BASE = 100;

export class SimClient {
  private seq = 0;
  private current: Outstanding | undefined;
  private nextStartAt = 0;
  private leaderGuess: NodeId = NONE;
  private readonly lastSeen = new Map<string, string | null>();
  completed = 0;
  stopped = false;

  constructor(
    readonly id: number,
    private readonly prng: Prng,
    private readonly options: ClientOptions,
    private readonly env: ClientEnv,
  ) {
    this.nextStartAt = prng.int(0, options.maxThinkUnits);
  }

  get endpoint(): number {
    return CLIENT_ENDPOINT_BASE + this.id;
  }

  get busy(): boolean {
    return this.current !== undefined;
  }

  step(): void {
    const now = this.env.now();
    if (this.current) {
      if (now >= this.current.retryAt) this.retry();
      return;
    }
    if (this.stopped || now < this.nextStartAt) return;
    const op = this.nextOp();
    const readPath = this.prng.pick(this.options.readPaths);
    const request: ClientRequest = { client: this.id, seq: ++this.seq, op, readPath };
    const historyId = this.env.history.invoke(this.id, op);
    const target = this.leaderGuess !== NONE ? this.leaderGuess : this.prng.pick(this.env.nodeIds());
    this.current = {
      request,
      historyId,
      retryAt: now + this.options.timeoutUnits,
      target,
      attempts: 1,
      refused: false,
    };
    this.env.send(this.endpoint, target, request);
  }

  onResponse(response: ClientResponse): void {
    const cur = this.current;
    if (!cur || response.seq !== cur.request.seq) return; // a late answer to an earlier attempt
    if (!response.ok) {
      this.leaderGuess = response.leaderHint;
      cur.refused = true;
      // Refusals come fast; back off a little so a leaderless cluster is not flooded.
      cur.retryAt = Math.min(cur.retryAt, this.env.now() + this.prng.int(5, 15));
      return;
    }
    this.env.history.complete(cur.historyId, response.output);
    if (cur.request.op.kind === 'get') this.lastSeen.set(cur.request.op.key, response.output.value ?? null);
    this.leaderGuess = cur.target;
    this.current = undefined;
    this.completed++;
    this.nextStartAt = this.env.now() + this.prng.int(0, this.options.maxThinkUnits);
  }

  // After a refusal, try the leader the node named; after a timeout, any other node.
  private retry(): void {
    const cur = this.current!;
    const others = this.env.nodeIds().filter((id) => id !== cur.target);
    const useHint = cur.refused && this.leaderGuess !== NONE;
    const target = useHint
      ? this.leaderGuess
      : this.prng.pick(others.length > 0 ? others : this.env.nodeIds());
    if (!cur.refused) this.leaderGuess = NONE;
    cur.refused = false;
    cur.target = target;
    cur.attempts++;
    cur.retryAt = this.env.now() + this.options.timeoutUnits;
    this.env.send(this.endpoint, target, cur.request);
  }

  private nextOp(): KvInput {
    const key = this.prng.pick(this.options.keys);
    const tag = `${this.id}.${this.seq + 1}`;
    const r = this.prng.next();
    if (r < 0.4) return { kind: 'get', key };
    if (r < 0.65) return { kind: 'put', key, value: tag };
    if (r < 0.9) return { kind: 'append', key, value: tag + ',' };
    return { kind: 'cas', key, expected: this.lastSeen.get(key) ?? null, value: tag };
  }
}
