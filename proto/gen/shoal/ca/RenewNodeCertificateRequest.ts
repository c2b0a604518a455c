// Original file: proto/ca.proto


export interface RenewNodeCertificateRequest {
  'csrPem'?: (string);
  'addresses'?: (string)[];
}

export interface RenewNodeCertificateRequest__Output {
  'csrPem': (string);
  'addresses': (string)[];
}
