// Original file: proto/objects.proto


export interface NetworkAttachmentConfig {
  'target'?: (string);
  'aliases'?: (string)[];
}

export interface NetworkAttachmentConfig__Output {
  'target': (string);
  'aliases': (string)[];
}
