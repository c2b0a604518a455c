// A client process outside the cluster: N concurrent proposers calling a member's
// Propose rpc over gRPC (the member forwards to the leader when it is not the leader).
import { ProposeClient } from '../../raft/transport';
import { runProposers } from './load';

process.on('message', (msg: { id: number; cmd: string; [k: string]: unknown }) => {
  const handle = async (): Promise<object> => {
    if (msg.cmd === 'exit') {
      setImmediate(() => process.exit(0));
      return {};
    }
    if (msg.cmd !== 'load') throw new Error(`unknown command ${msg.cmd}`);
    const client = new ProposeClient(msg.address as string);
    try {
      return await runProposers(
        (d) => client.propose(d),
        msg.proposers as number,
        msg.seconds as number,
        msg.payloadBytes as number,
      );
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
