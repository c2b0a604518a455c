// docker's `inspect --pretty` text: sections of "Key: value" lines, indented under their
// heads. Here every value starts in one column, where docker's tab stops leave them ragged.

/** One output line: its depth under a section, a key and its value, or a text alone (a section head). */
export type Line = [depth: number, key: string, value?: string];

/** Renders lines with every value in one column, past the longest key. */
export function render(lines: Line[]): string {
  const label = ([depth, key, value]: Line) => `${' '.repeat(depth)}${key}${value === undefined ? '' : ':'}`;
  const width = Math.max(0, ...lines.filter((l) => l[2] !== undefined).map((l) => label(l).length)) + 2;
  return lines.map((l) => (l[2] === undefined ? label(l) : label(l).padEnd(width) + l[2])).join('\n');
}

/** Enum names as docker prints them: ON_FAILURE -> on-failure. */
export const word = (e: string | undefined | null): string =>
  String(e ?? '')
    .toLowerCase()
    .replace(/_/g, '-');

/** docker's BytesSize: binary units, 4 significant digits (64MiB, 1.5GiB). */
export function bytesSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number(v.toPrecision(4))}${units[i]}`;
}
