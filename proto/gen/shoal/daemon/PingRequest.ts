// Original file: proto/daemon.proto


export interface PingRequest {
}

export interface PingRequest__Output {
}
