// Finds an object the way docker's CLI arguments name it: full id, name (hostname for
// nodes), or a unique id prefix. Ambiguity and absence are errors naming the argument.
import * as grpc from '@grpc/grpc-js';
import { statusError } from '../ca';

export function resolveByRef<T extends { id: string }>(
  rows: T[],
  ref: string,
  noun: string,
  nameOf: (row: T) => string,
): T {
  if (!ref) throw statusError(grpc.status.INVALID_ARGUMENT, `${noun} id: required`);
  const exact = rows.find((r) => r.id === ref);
  if (exact) return exact;
  const named = rows.filter((r) => nameOf(r) === ref);
  if (named.length === 1) return named[0];
  if (named.length > 1)
    throw statusError(
      grpc.status.FAILED_PRECONDITION,
      `${noun} ${ref} is ambiguous (${named.length} ${noun}s have that name); use the id`,
    );
  const prefixed = rows.filter((r) => r.id.startsWith(ref));
  if (prefixed.length === 1) return prefixed[0];
  if (prefixed.length > 1)
    throw statusError(
      grpc.status.FAILED_PRECONDITION,
      `${noun} ${ref} is ambiguous (${prefixed.length} matches found); give more of the id`,
    );
  throw statusError(grpc.status.NOT_FOUND, `${noun} ${ref} not found`);
}

/** Docker's label filter: key -> value, an empty value matching any value of the key. */
export function labelsMatch(
  labels: Record<string, string> | undefined,
  want: Record<string, string>,
): boolean {
  for (const [k, v] of Object.entries(want)) {
    if (!labels || !(k in labels)) return false;
    if (v !== '' && labels[k] !== v) return false;
  }
  return true;
}
