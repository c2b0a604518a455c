// The calling side of the Membership service, for shoald on a node with a manager
// certificate: enter raft (after join or promotion) and leave it.
import * as grpc from '@grpc/grpc-js';
import { loadProto } from '../../proto/load';
import type { ProtoGrpcType } from '../../proto/gen/membership';
import type { JoinRaftResponse__Output } from '../../proto/gen/shoal/membership/JoinRaftResponse';
import { clientCredentials, NodeCredentials } from '../ca';
import { decodeDataKey, DataKey } from '../store';

export interface RaftAdmission {
  raftId: number;
  peers: Map<number, string>;
  dataKey: DataKey;
}

function client(address: string, creds: NodeCredentials, clusterId: string) {
  const Membership = loadProto<ProtoGrpcType>('membership.proto').shoal.membership.Membership;
  return new Membership(address, clientCredentials(creds, { clusterId }));
}

export async function joinRaft(
  address: string,
  creds: NodeCredentials,
  clusterId: string,
  req: { raftAddr: string; controlAddr: string },
  timeoutMs = 20_000,
): Promise<RaftAdmission> {
  const c = client(address, creds, clusterId);
  try {
    const res = await new Promise<JoinRaftResponse__Output>((resolve, reject) =>
      c.JoinRaft(
        req,
        { deadline: Date.now() + timeoutMs },
        (err: grpc.ServiceError | null, r?: JoinRaftResponse__Output) => (err ? reject(err) : resolve(r!)),
      ),
    );
    const peers = new Map<number, string>();
    for (const p of res.peers) peers.set(p.raftId, p.addr);
    return { raftId: res.raftId, peers, dataKey: decodeDataKey(res.dataKey) };
  } finally {
    c.close();
  }
}

export async function leaveRaft(
  address: string,
  creds: NodeCredentials,
  clusterId: string,
  timeoutMs = 10_000,
): Promise<void> {
  const c = client(address, creds, clusterId);
  try {
    await new Promise<void>((resolve, reject) =>
      c.LeaveRaft({}, { deadline: Date.now() + timeoutMs }, (err: grpc.ServiceError | null) =>
        err ? reject(err) : resolve(),
      ),
    );
  } finally {
    c.close();
  }
}
