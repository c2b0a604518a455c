// Original file: proto/control.proto


export interface RemoveSecretResponse {
}

export interface RemoveSecretResponse__Output {
}
