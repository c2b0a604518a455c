export { GrpcTransport, channelOptions, clientCredentials } from './grpc-transport';
export type {
  TlsFiles,
  TlsProvider,
  TransportTls,
  TransportHandler,
  TransportOptions,
} from './grpc-transport';
export { ProposeClient } from './client';
export { toWire, fromWire } from './codec';
