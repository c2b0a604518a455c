// `--cert-expiry` style durations: Go's time.ParseDuration syntax (what Docker users
// type: "2160h", "90m", "1h30m", "1.5h") plus a day unit ("90d") because certificate
// lifetimes are naturally counted in days.

/** Swarm refuses node certificates shorter than an hour: renewal could not keep up. */
export const MIN_NODE_CERT_EXPIRY_MS = 3_600_000;

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Parses e.g. "90d", "2160h", "1h30m", "45s" into milliseconds. `field` names the flag in errors. */
export function parseDuration(text: string, field = 'duration'): number {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new Error(`${field}: empty duration; expected e.g. "90d", "2160h" or "1h30m"`);
  }
  const s = text.trim();
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;
  let total = 0;
  let pos = 0;
  while (pos < s.length) {
    part.lastIndex = pos;
    const m = part.exec(s);
    if (!m) {
      throw new Error(
        `${field}: invalid duration "${text}" at "${s.slice(pos)}"; use a number followed by ms, s, m, h or d (e.g. "90d", "1h30m")`,
      );
    }
    total += parseFloat(m[1]) * UNIT_MS[m[2]];
    pos = part.lastIndex;
  }
  const ms = Math.round(total);
  if (!Number.isSafeInteger(ms)) throw new Error(`${field}: duration "${text}" is too large`);
  return ms;
}

/** Like parseDuration, and also enforces a minimum (e.g. certificates shorter than 1h are refused). */
export function parseDurationAtLeast(text: string, minMs: number, field = 'duration'): number {
  const ms = parseDuration(text, field);
  if (ms < minMs)
    throw new Error(`${field}: "${text}" is shorter than the minimum of ${formatDuration(minMs)}`);
  return ms;
}

/** Compact inverse of parseDuration, for messages ("90d", "1h30m"). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const out: string[] = [];
  let rest = ms;
  for (const [unit, size] of [
    ['d', UNIT_MS.d],
    ['h', UNIT_MS.h],
    ['m', UNIT_MS.m],
    ['s', UNIT_MS.s],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out.push(`${n}${unit}`);
    rest -= n * size;
  }
  if (rest > 0) out.push(`${rest}ms`);
  return out.join('');
}
