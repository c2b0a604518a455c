// Original file: proto/daemon.proto


export interface PingResponse {
  'version'?: (string);
  'hostname'?: (string);
  'pid'?: (number);
  'uptimeSeconds'?: (number | string);
  'dataDir'?: (string);
}

export interface PingResponse__Output {
  'version': (string);
  'hostname': (string);
  'pid': (number);
  'uptimeSeconds': (number);
  'dataDir': (string);
}
