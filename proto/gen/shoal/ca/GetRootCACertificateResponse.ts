// Original file: proto/ca.proto


export interface GetRootCACertificateResponse {
  'certificatePem'?: (string);
}

export interface GetRootCACertificateResponse__Output {
  'certificatePem': (string);
}
