// Original file: proto/daemon.proto


export interface InitResponse {
  'nodeId'?: (string);
  'clusterId'?: (string);
  'workerToken'?: (string);
  'advertiseAddr'?: (string);
}

export interface InitResponse__Output {
  'nodeId': (string);
  'clusterId': (string);
  'workerToken': (string);
  'advertiseAddr': (string);
}
