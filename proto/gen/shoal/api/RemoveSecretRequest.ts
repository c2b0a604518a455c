// Original file: proto/control.proto


export interface RemoveSecretRequest {
  'secretId'?: (string);
}

export interface RemoveSecretRequest__Output {
  'secretId': (string);
}
