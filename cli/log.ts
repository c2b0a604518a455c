// Line-oriented logs for the daemon: timestamp, level, component, message, key=value
// fields. Modules below cli/ take a Logger by injection and never write to stdout.
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(component: string): Logger;
}

function formatField(v: unknown): string {
  const s = v instanceof Error ? v.message : typeof v === 'string' ? v : JSON.stringify(v);
  return /[\s"=]/.test(s) ? JSON.stringify(s) : s;
}

export function createLogger(
  component: string,
  minLevel: Level = 'info',
  write: (line: string) => unknown = (line) => process.stderr.write(line),
): Logger {
  const emit = (level: Level, msg: string, fields?: Record<string, unknown>): void => {
    if (ORDER[level] < ORDER[minLevel]) return;
    const kv = fields
      ? Object.entries(fields)
          .map(([k, v]) => ` ${k}=${formatField(v)}`)
          .join('')
      : '';
    write(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${component}] ${msg}${kv}\n`);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (c) => createLogger(`${component}/${c}`, minLevel, write),
  };
}

export function parseLevel(s: string): Level {
  if (s in ORDER) return s as Level;
  throw new Error(`--log-level must be one of ${Object.keys(ORDER).join(', ')}, got "${s}"`);
}
