// Original file: proto/objects.proto


export interface VirtualIP {
  'networkId'?: (string);
  'addr'?: (string);
}

export interface VirtualIP__Output {
  'networkId': (string);
  'addr': (string);
}
