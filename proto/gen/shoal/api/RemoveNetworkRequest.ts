// Original file: proto/control.proto


export interface RemoveNetworkRequest {
  'networkId'?: (string);
}

export interface RemoveNetworkRequest__Output {
  'networkId': (string);
}
