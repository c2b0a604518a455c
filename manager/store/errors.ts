// Store failures are data, not exceptions, inside apply (every manager must reach the
// same verdict without crashing); callers get them back as StoreError.
import type { TableName } from './tables';

export type StoreErrorCode = 'invalid' | 'exists' | 'not-found' | 'name-conflict' | 'version-conflict';

export interface StoreErrorInfo {
  code: StoreErrorCode;
  message: string;
  table?: TableName;
  id?: string;
  /** Index of the failing action in the transaction. */
  action?: number;
}

// gRPC status numbers, so the control API can answer without a mapping table.
const GRPC_CODE: Record<StoreErrorCode, number> = {
  invalid: 3, // INVALID_ARGUMENT
  exists: 6, // ALREADY_EXISTS
  'name-conflict': 6, // ALREADY_EXISTS
  'not-found': 5, // NOT_FOUND
  'version-conflict': 10, // ABORTED: read again and retry
};

export class StoreError extends Error {
  readonly storeCode: StoreErrorCode;
  /** The gRPC status a control API handler should answer with. */
  readonly code: number;
  readonly table?: TableName;
  readonly id?: string;
  readonly action?: number;

  constructor(info: StoreErrorInfo) {
    super(info.message);
    this.name = 'StoreError';
    this.storeCode = info.code;
    this.code = GRPC_CODE[info.code];
    this.table = info.table;
    this.id = info.id;
    this.action = info.action;
  }

  toInfo(): StoreErrorInfo {
    return {
      code: this.storeCode,
      message: this.message,
      table: this.table,
      id: this.id,
      action: this.action,
    };
  }
}
