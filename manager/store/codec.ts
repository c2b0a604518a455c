// JSON that survives bytes: Uint8Array/Buffer values become {"$bytes": base64} and come
// back as Buffers. Used for transactions and snapshots, so both are plain, versioned JSON
// that a person can read in a log dump (secret data is sealed before it gets here).
//
// Both directions take a fast path when there are no bytes at all (nearly every task
// and node write): a replacer or reviver costs a JS call per key, which dominated
// large transactions (bench/scale).

const BYTES_KEY = '$bytes';

function containsBytes(value: unknown): boolean {
  if (value instanceof Uint8Array) return true;
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const v of value) if (containsBytes(v)) return true;
    return false;
  }
  for (const key in value) if (containsBytes((value as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * True when JSON.parse(JSON.stringify(value)) gives back an equal value: only null,
 * booleans, strings, finite numbers (not -0), arrays and plain objects of those, with no
 * undefined anywhere. Lets a proposer apply its own transaction without decoding it.
 */
export function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainJson(value[i])) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) if (!isPlainJson((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

export function encodeJson(value: unknown): Uint8Array {
  if (!containsBytes(value)) return Buffer.from(JSON.stringify(value), 'utf8');
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const original = key === '' ? v : this[key];
    if (original instanceof Uint8Array) return { [BYTES_KEY]: Buffer.from(original).toString('base64') };
    return v;
  });
  return Buffer.from(text, 'utf8');
}

export function decodeJson(bytes: Uint8Array): unknown {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (!text.includes(`"${BYTES_KEY}"`)) return JSON.parse(text);
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === BYTES_KEY) {
        const b64 = (v as Record<string, unknown>)[BYTES_KEY];
        if (typeof b64 !== 'string') throw new Error(`${BYTES_KEY} must hold a base64 string`);
        return Buffer.from(b64, 'base64');
      }
    }
    return v;
  });
}
