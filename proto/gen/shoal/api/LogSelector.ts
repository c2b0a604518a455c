// Original file: proto/logs.proto


export interface LogSelector {
  'serviceIds'?: (string)[];
  'taskIds'?: (string)[];
}

export interface LogSelector__Output {
  'serviceIds': (string)[];
  'taskIds': (string)[];
}
