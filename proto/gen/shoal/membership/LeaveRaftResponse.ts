// Original file: proto/membership.proto


export interface LeaveRaftResponse {
}

export interface LeaveRaftResponse__Output {
}
