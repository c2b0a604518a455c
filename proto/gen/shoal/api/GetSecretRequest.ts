// Original file: proto/control.proto


export interface GetSecretRequest {
  'secretId'?: (string);
}

export interface GetSecretRequest__Output {
  'secretId': (string);
}
