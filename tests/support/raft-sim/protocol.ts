// What travels on the simulated network besides raft messages: client requests and
// the nodes' answers.
import { KvInput, KvOutput } from '../linearizability';
import { Message, NodeId } from '../../../raft/types';

export type ReadPath = 'log' | 'readIndex';

export interface ClientRequest {
  client: number;
  seq: number;
  op: KvInput;
  readPath: ReadPath;
}

export type ClientResponse =
  | { client: number; seq: number; ok: true; output: KvOutput }
  | { client: number; seq: number; ok: false; leaderHint: NodeId };

export type Packet =
  | { kind: 'raft'; msg: Message }
  | { kind: 'request'; request: ClientRequest }
  | { kind: 'response'; response: ClientResponse };
