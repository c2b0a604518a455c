// Original file: proto/control.proto


export interface RemoveConfigRequest {
  'configId'?: (string);
}

export interface RemoveConfigRequest__Output {
  'configId': (string);
}
