// Original file: proto/ca.proto


export interface RenewNodeCertificateResponse {
  'nodeId'?: (string);
  'role'?: (string);
  'clusterId'?: (string);
  'certificatePem'?: (string);
  'rootCaPem'?: (string);
}

export interface RenewNodeCertificateResponse__Output {
  'nodeId': (string);
  'role': (string);
  'clusterId': (string);
  'certificatePem': (string);
  'rootCaPem': (string);
}
