// Output the way docker's CLI does it: an aligned table with upper-case headers by
// default, `--format json` for one JSON object per line, `--format '{{.Field}}'` for
// a Go-template-like line per row, `-q` for ids only.
import type TableClass from 'cli-table3';

export interface Column<T> {
  header: string; // e.g. 'HOST'
  field: string; // key in --format templates and JSON, e.g. 'Host'
  value: (row: T) => string;
}

export interface OutputOptions {
  format?: string;
  quiet?: boolean;
}

const NO_BORDERS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '   ',
};

export function renderTable(headers: string[], rows: string[][]): string {
  // Loaded here, not with the module: most CLI runs print no table (~15 ms of a start).
  const Table: typeof TableClass = require('cli-table3');
  const table = new Table({
    head: headers,
    chars: NO_BORDERS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  table.push(...rows);
  return table
    .toString()
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}

/** Expands {{.Field}} (and {{json .Field}}) against a row object; unknown fields are an error naming them. */
export function expandTemplate(template: string, record: Record<string, unknown>): string {
  return template
    .replace(/\\t/g, '\t')
    .replace(/\\n/g, '\n')
    .replace(/\{\{\s*(json\s+)?\.(\w+)\s*\}\}/g, (_, json: string | undefined, field: string) => {
      if (!(field in record))
        throw new Error(
          `--format: unknown field .${field}; fields: ${Object.keys(record)
            .map((k) => '.' + k)
            .join(' ')}`,
        );
      const v = record[field];
      return json ? JSON.stringify(v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
    });
}

export function formatRows<T>(
  rows: T[],
  columns: Column<T>[],
  opts: OutputOptions,
  idOf?: (row: T) => string,
): string {
  const records = rows.map((r) => Object.fromEntries(columns.map((c) => [c.field, c.value(r)])));
  if (opts.quiet) {
    if (!idOf) throw new Error('-q is not supported here');
    return rows.map(idOf).join('\n');
  }
  const format = opts.format ?? 'table';
  if (format === 'json') return records.map((r) => JSON.stringify(r)).join('\n');
  if (format === 'table')
    return renderTable(
      columns.map((c) => c.header),
      records.map((r) => columns.map((c) => r[c.field])),
    );
  if (format.startsWith('table ')) {
    const template = format.slice(6);
    const fields = [...template.matchAll(/\{\{\s*\.(\w+)\s*\}\}/g)].map((m) => m[1]);
    const headerOf = (f: string): string => columns.find((c) => c.field === f)?.header ?? f.toUpperCase();
    return renderTable(
      fields.map(headerOf),
      records.map((r) => fields.map((f) => expandTemplate(`{{.${f}}}`, r))),
    );
  }
  return records.map((r) => expandTemplate(format, r)).join('\n');
}

/** A past time (ms since the epoch) as docker's CLI says it: "5 seconds ago", "3 minutes ago". */
export function timeAgo(ts: number, now = Date.now()): string {
  if (!ts) return '';
  const s = Math.max(0, Math.round((now - ts) / 1000));
  if (s < 60) return `${s} seconds ago`;
  if (s < 3600) return `${Math.round(s / 60)} minutes ago`;
  return `${Math.round(s / 3600)} hours ago`;
}

export function print(text: string): void {
  if (text.length) process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}
