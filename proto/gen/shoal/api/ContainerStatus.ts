// Original file: proto/objects.proto


export interface ContainerStatus {
  'containerId'?: (string);
  'pid'?: (number);
  'exitCode'?: (number);
}

export interface ContainerStatus__Output {
  'containerId': (string);
  'pid': (number);
  'exitCode': (number);
}
