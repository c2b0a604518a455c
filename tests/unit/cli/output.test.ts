import { Column, expandTemplate, formatRows } from '../../../cli/output';
import { createLogger } from '../../../cli/log';
import { percentile, median } from '../../../bench/stats';

interface Row {
  name: string;
  n: number;
}
const columns: Column<Row>[] = [
  { header: 'NAME', field: 'Name', value: (r) => r.name },
  { header: 'COUNT', field: 'Count', value: (r) => String(r.n) },
];
const rows: Row[] = [
  { name: 'alpha', n: 1 },
  { name: 'b', n: 22 },
];

describe('docker-like output', () => {
  test('tables align columns under upper-case headers, no borders', () => {
    expect(formatRows(rows, columns, {})).toBe(['NAME    COUNT', 'alpha   1', 'b       22'].join('\n'));
  });

  test('--format json prints one object per line with template field names', () => {
    const lines = formatRows(rows, columns, { format: 'json' }).split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { Name: 'alpha', Count: '1' },
      { Name: 'b', Count: '22' },
    ]);
  });

  test('templates, table templates and -q', () => {
    expect(formatRows(rows, columns, { format: '{{.Name}}={{.Count}}' })).toBe('alpha=1\nb=22');
    expect(formatRows(rows, columns, { format: 'table {{.Count}}' })).toBe('COUNT\n1\n22');
    expect(formatRows(rows, columns, { quiet: true }, (r) => r.name)).toBe('alpha\nb');
  });

  test('an unknown template field is an error that names it and the known ones', () => {
    expect(() => expandTemplate('{{.Nope}}', { Name: 'x' })).toThrow(/unknown field \.Nope; fields: \.Name/);
  });
});

describe('logger', () => {
  test('writes level, component, message and quoted fields; filters by level', () => {
    const lines: string[] = [];
    const log = createLogger('shoald', 'info', (l) => void lines.push(l));
    log.debug('hidden');
    log.child('agent').info('task started', { id: 't1', msg: 'two words' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT.* INFO {2}\[shoald\/agent\] task started id=t1 msg="two words"\n$/,
    );
  });
});

describe('bench stats', () => {
  test('percentiles by nearest rank', () => {
    const xs = [5, 1, 4, 2, 3];
    expect(median(xs)).toBe(3);
    expect(percentile(xs, 100)).toBe(5);
    expect(percentile(xs, 1)).toBe(1);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });
});
