// Original file: proto/objects.proto


export interface IPAMConfig {
  'subnet'?: (string);
  'range'?: (string);
  'gateway'?: (string);
}

export interface IPAMConfig__Output {
  'subnet': (string);
  'range': (string);
  'gateway': (string);
}
