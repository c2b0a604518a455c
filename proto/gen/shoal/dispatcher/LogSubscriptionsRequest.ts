// Original file: proto/dispatcher.proto


export interface LogSubscriptionsRequest {
  'sessionId'?: (string);
}

export interface LogSubscriptionsRequest__Output {
  'sessionId': (string);
}
