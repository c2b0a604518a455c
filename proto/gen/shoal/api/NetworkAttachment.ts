// Original file: proto/objects.proto


export interface NetworkAttachment {
  'networkId'?: (string);
  'addresses'?: (string)[];
  'aliases'?: (string)[];
}

export interface NetworkAttachment__Output {
  'networkId': (string);
  'addresses': (string)[];
  'aliases': (string)[];
}
