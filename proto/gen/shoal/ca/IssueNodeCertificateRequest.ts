// Original file: proto/ca.proto


export interface IssueNodeCertificateRequest {
  'csrPem'?: (string);
  'token'?: (string);
  'addresses'?: (string)[];
  'hostname'?: (string);
}

export interface IssueNodeCertificateRequest__Output {
  'csrPem': (string);
  'token': (string);
  'addresses': (string)[];
  'hostname': (string);
}
