import { KvInput, KvOperation, KvOutput } from '../../support/linearizability';

// Compact history notation for hand-written cases: [client, call, return|null, input, output].
export type Row = [number, number, number | null, KvInput, KvOutput | null];

export function ops(rows: Row[]): KvOperation[] {
  return rows.map(([clientId, call, ret, input, output]) => ({
    clientId,
    call,
    return: ret === null ? Infinity : ret,
    input,
    output: output === null ? undefined : output,
  }));
}

export const get = (key: string): KvInput => ({ kind: 'get', key });
export const put = (key: string, value: string): KvInput => ({ kind: 'put', key, value });
export const append = (key: string, value: string): KvInput => ({ kind: 'append', key, value });
export const cas = (key: string, expected: string | null, value: string): KvInput => ({
  kind: 'cas',
  key,
  expected,
  value,
});
export const saw = (value: string | null): KvOutput => ({ value });
export const done: KvOutput = {};
export const swapped = (ok: boolean): KvOutput => ({ ok });
