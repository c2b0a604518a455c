// The errors a caller of a manager sees when the cluster cannot serve them, with the
// gRPC status that goes with each, worded for an operator.
import * as grpc from '@grpc/grpc-js';
import { statusError } from './ca';
import { NotLeaderError, ProposalDroppedError } from '../raft/types';
import { NodeStoppedError } from '../raft/node';

export function noQuorumError(detail: string): Error {
  return statusError(
    grpc.status.UNAVAILABLE,
    `no quorum: ${detail}. A majority of the managers must be reachable for the cluster to accept ` +
      'changes. If the lost managers cannot come back, run `shoal init --force-new-cluster` on a surviving manager ' +
      'to restart the cluster from its state with that manager alone',
  );
}

/** Raft-level failures during a write, as gRPC statuses; anything else passes through. */
export function translateRaftError(err: unknown): unknown {
  if (err instanceof NotLeaderError)
    return statusError(
      grpc.status.UNAVAILABLE,
      `leadership changed during the request; retry (${err.message})`,
    );
  if (err instanceof ProposalDroppedError)
    return noQuorumError(
      `the change was not committed (${err.message.replace(/^proposal dropped: /, '')}); it may still apply`,
    );
  if (err instanceof NodeStoppedError)
    return statusError(grpc.status.UNAVAILABLE, 'this manager is shutting down');
  return err;
}

export function notManagerError(): Error {
  return statusError(
    grpc.status.FAILED_PRECONDITION,
    'this node is not a manager: run the command on a manager, or promote this node with `shoal node promote` from a manager',
  );
}

export function notInClusterError(): Error {
  return statusError(
    grpc.status.FAILED_PRECONDITION,
    'this node is not part of a cluster: run `shoal init` to create one or `shoal join` to join one',
  );
}
