// Original file: proto/control.proto


export interface RemoveServiceResponse {
}

export interface RemoveServiceResponse__Output {
}
