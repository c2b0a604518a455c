import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { LogContext as _shoal_api_LogContext, LogContext__Output as _shoal_api_LogContext__Output } from './shoal/api/LogContext';
import type { LogMessage as _shoal_api_LogMessage, LogMessage__Output as _shoal_api_LogMessage__Output } from './shoal/api/LogMessage';
import type { LogOptions as _shoal_api_LogOptions, LogOptions__Output as _shoal_api_LogOptions__Output } from './shoal/api/LogOptions';
import type { LogSelector as _shoal_api_LogSelector, LogSelector__Output as _shoal_api_LogSelector__Output } from './shoal/api/LogSelector';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  shoal: {
    api: {
      LogContext: MessageTypeDefinition<_shoal_api_LogContext, _shoal_api_LogContext__Output>
      LogMessage: MessageTypeDefinition<_shoal_api_LogMessage, _shoal_api_LogMessage__Output>
      LogOptions: MessageTypeDefinition<_shoal_api_LogOptions, _shoal_api_LogOptions__Output>
      LogSelector: MessageTypeDefinition<_shoal_api_LogSelector, _shoal_api_LogSelector__Output>
    }
  }
}

