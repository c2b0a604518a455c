// Original file: proto/daemon.proto

import type { Long } from '@grpc/proto-loader';

export interface InfoResponse {
  'localNodeState'?: (string);
  'nodeId'?: (string);
  'clusterId'?: (string);
  'role'?: (string);
  'nodeAddr'?: (string);
  'managers'?: (string)[];
  'isLeader'?: (boolean);
  'raftId'?: (number | string | Long);
  'leaderAddr'?: (string);
  'error'?: (string);
  'certNotAfter'?: (number | string | Long);
  'raftTerm'?: (number | string | Long);
  'raftAppliedIndex'?: (number | string | Long);
}

export interface InfoResponse__Output {
  'localNodeState': (string);
  'nodeId': (string);
  'clusterId': (string);
  'role': (string);
  'nodeAddr': (string);
  'managers': (string)[];
  'isLeader': (boolean);
  'raftId': (number);
  'leaderAddr': (string);
  'error': (string);
  'certNotAfter': (number);
  'raftTerm': (number);
  'raftAppliedIndex': (number);
}
