// Original file: proto/daemon.proto


export interface LeaveResponse {
}

export interface LeaveResponse__Output {
}
