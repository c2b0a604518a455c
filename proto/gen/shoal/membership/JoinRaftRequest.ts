// Original file: proto/membership.proto


export interface JoinRaftRequest {
  'raftAddr'?: (string);
  'controlAddr'?: (string);
}

export interface JoinRaftRequest__Output {
  'raftAddr': (string);
  'controlAddr': (string);
}
