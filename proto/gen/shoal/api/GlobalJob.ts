// Original file: proto/objects.proto


export interface GlobalJob {
}

export interface GlobalJob__Output {
}
