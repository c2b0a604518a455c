// JSON that survives bytes: Uint8Array/Buffer values become {"$bytes": base64} and come
// back as Buffers. Used for transactions and snapshots, so both are plain, versioned JSON
// that a person can read in a log dump (secret data is sealed before it gets here).

const BYTES_KEY = '$bytes';

export function encodeJson(value: unknown): Uint8Array {
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const original = key === '' ? v : this[key];
    if (original instanceof Uint8Array) return { [BYTES_KEY]: Buffer.from(original).toString('base64') };
    return v;
  });
  return Buffer.from(text, 'utf8');
}

export function decodeJson(bytes: Uint8Array): unknown {
  const text = Buffer.from(bytes).toString('utf8');
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
