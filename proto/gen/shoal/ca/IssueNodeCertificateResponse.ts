// Original file: proto/ca.proto


export interface IssueNodeCertificateResponse {
  'nodeId'?: (string);
  'role'?: (string);
  'clusterId'?: (string);
  'certificatePem'?: (string);
  'rootCaPem'?: (string);
}

export interface IssueNodeCertificateResponse__Output {
  'nodeId': (string);
  'role': (string);
  'clusterId': (string);
  'certificatePem': (string);
  'rootCaPem': (string);
}
