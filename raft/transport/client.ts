// A client of a member's Propose rpc, for processes outside the cluster (tools, benches):
// the member forwards the command to the leader and answers once it is applied there.
import * as grpc from '@grpc/grpc-js';
import type { RaftClient } from '../../proto/gen/shoal/raft/Raft';
import { TlsFiles, channelOptions, clientCredentials, raftClientConstructor } from './grpc-transport';

export class ProposeClient {
  private readonly client: RaftClient;

  constructor(address: string, tls?: TlsFiles) {
    const Client = raftClientConstructor();
    this.client = new Client(address, clientCredentials(tls), channelOptions(tls));
  }

  propose(data: Uint8Array, timeoutMs = 10_000): Promise<{ index: number; result: Uint8Array }> {
    return new Promise((resolve, reject) =>
      this.client.propose(
        { data },
        { deadline: Date.now() + timeoutMs },
        (err: grpc.ServiceError | null, res) =>
          err || !res
            ? reject(err ?? new Error('empty response'))
            : resolve({ index: res.index, result: res.result }),
      ),
    );
  }

  close(): void {
    this.client.close();
  }
}
