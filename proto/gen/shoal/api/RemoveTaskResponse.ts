// Original file: proto/control.proto


export interface RemoveTaskResponse {
}

export interface RemoveTaskResponse__Output {
}
