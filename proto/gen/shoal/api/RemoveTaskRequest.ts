// Original file: proto/control.proto


export interface RemoveTaskRequest {
  'taskId'?: (string);
}

export interface RemoveTaskRequest__Output {
  'taskId': (string);
}
