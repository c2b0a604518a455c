// Original file: proto/membership.proto


export interface LeaveRaftRequest {
}

export interface LeaveRaftRequest__Output {
}
