// A client process outside the cluster: N concurrent proposers calling a member's
// Propose rpc over gRPC (the member forwards to the leader when it is not the leader).
import { ProposeClient } from '../../raft/transport';
import { percentile } from '../stats';
import { LoadResult, runProposers } from './load';

process.on('message', (msg: { id: number; cmd: string; [k: string]: unknown }) => {
  const handle = async (): Promise<object> => {
    if (msg.cmd === 'exit') {
      setImmediate(() => process.exit(0));
      return {};
    }
    if (msg.cmd !== 'load') throw new Error(`unknown command ${msg.cmd}`);
    const client = new ProposeClient(msg.address as string);
    try {
      const r = await runProposers(
        (d) => client.propose(d),
        msg.proposers as number,
        msg.seconds as number,
        msg.payloadBytes as number,
      );
      const result: LoadResult = {
        commits: r.commits,
        errors: r.errors,
        seconds: r.seconds,
        p50: percentile(r.latencies, 50),
        p99: percentile(r.latencies, 99),
      };
      return result;
    } finally {
      client.close();
    }
  };
  handle().then(
    (result) => process.send!({ id: msg.id, ok: true, result }),
    (err: Error) => process.send!({ id: msg.id, ok: false, error: err.message }),
  );
});
process.send!({ id: 0, ok: true, result: { started: 'client' } });
