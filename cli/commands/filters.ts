// docker's --filter key=value, with the keys every object kind shares (id, name, label)
// handled once; each command adds its own keys through `extra`.
export interface CommonFilters {
  names: string[];
  idPrefixes: string[];
  labels: Record<string, string>;
}

/**
 * Parses the --filter values into `{ common, ...own }`. `extra` handles a command's own
 * keys and returns false for a key it does not know; `labelKeys` lists the label spellings
 * (nodes also accept node.label).
 */
export function parseFilters<T extends object>(
  filters: string[],
  own: T,
  extra: (key: string, value: string, own: T) => boolean,
  known: string[],
  labelKeys = ['label'],
): T & { common: CommonFilters } {
  const common: CommonFilters = { names: [], idPrefixes: [], labels: {} };
  for (const raw of filters) {
    const eq = raw.indexOf('=');
    if (eq <= 0) throw new Error(`--filter: must look like key=value, got "${raw}"`);
    const key = raw.slice(0, eq);
    const value = raw.slice(eq + 1);
    if (key === 'id') common.idPrefixes.push(value);
    else if (key === 'name') common.names.push(value);
    else if (labelKeys.includes(key)) {
      const i = value.indexOf('=');
      if (i < 0) common.labels[value] = '';
      else common.labels[value.slice(0, i)] = value.slice(i + 1);
    } else if (!extra(key, value, own)) {
      throw new Error(`--filter: unknown filter "${key}"; filters: id, name, label, ${known.join(', ')}`);
    }
  }
  return { common, ...own };
}
