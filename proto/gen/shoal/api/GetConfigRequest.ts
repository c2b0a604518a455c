// Original file: proto/control.proto


export interface GetConfigRequest {
  'configId'?: (string);
}

export interface GetConfigRequest__Output {
  'configId': (string);
}
