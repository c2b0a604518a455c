// Original file: proto/raft.proto

export const MessageType = {
  Hup: 'Hup',
  Beat: 'Beat',
  Prop: 'Prop',
  App: 'App',
  AppResp: 'AppResp',
  Vote: 'Vote',
  VoteResp: 'VoteResp',
  PreVote: 'PreVote',
  PreVoteResp: 'PreVoteResp',
  Snap: 'Snap',
  Heartbeat: 'Heartbeat',
  HeartbeatResp: 'HeartbeatResp',
  TransferLeader: 'TransferLeader',
  TimeoutNow: 'TimeoutNow',
  ReadIndex: 'ReadIndex',
  ReadIndexResp: 'ReadIndexResp',
  SnapStatus: 'SnapStatus',
  Unreachable: 'Unreachable',
} as const;

export type MessageType =
  | 'Hup'
  | 0
  | 'Beat'
  | 1
  | 'Prop'
  | 2
  | 'App'
  | 3
  | 'AppResp'
  | 4
  | 'Vote'
  | 5
  | 'VoteResp'
  | 6
  | 'PreVote'
  | 7
  | 'PreVoteResp'
  | 8
  | 'Snap'
  | 9
  | 'Heartbeat'
  | 10
  | 'HeartbeatResp'
  | 11
  | 'TransferLeader'
  | 12
  | 'TimeoutNow'
  | 13
  | 'ReadIndex'
  | 14
  | 'ReadIndexResp'
  | 15
  | 'SnapStatus'
  | 16
  | 'Unreachable'
  | 17

export type MessageType__Output = typeof MessageType[keyof typeof MessageType]
