// Original file: proto/daemon.proto


export interface JoinResponse {
  'nodeId'?: (string);
  'role'?: (string);
}

export interface JoinResponse__Output {
  'nodeId': (string);
  'role': (string);
}
