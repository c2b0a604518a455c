// Original file: proto/objects.proto


export interface PullOptions {
  'registryAuth'?: (string);
}

export interface PullOptions__Output {
  'registryAuth': (string);
}
