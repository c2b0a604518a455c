// Store objects are deeply frozen: readers get the store's own objects without a copy,
// so nothing may change them. A frozen object is therefore known to be a normalized part
// of a stored object (schema.ts keeps such parts instead of converting them again), so
// nothing outside the store should freeze objects it hands to a transaction.
export function deepFreeze<T>(obj: T): T {
  if (obj === null || typeof obj !== 'object' || obj instanceof Uint8Array || Object.isFrozen(obj))
    return obj;
  for (const v of Object.values(obj as object)) deepFreeze(v);
  return Object.freeze(obj);
}
