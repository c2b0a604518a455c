// `shoal node inspect --pretty`: a node as docker's --pretty shows it, values aligned in
// one column (cli/pretty).
import type { Node } from '../../manager/api-types';
import { bytesSize, Line, render } from '../pretty';

const cap = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1).toLowerCase() : '');

/** The --pretty text of one node. */
export function prettyNode(n: Node): string {
  const d = n.description;
  const lines: Line[] = [
    [0, 'ID', n.id],
    [0, 'Hostname', d?.hostname ?? ''],
  ];
  if (Number(n.meta?.createdAt))
    lines.push([0, 'Joined at', new Date(Number(n.meta!.createdAt)).toISOString()]);
  const labels = Object.entries(n.spec?.annotations?.labels ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (labels.length) lines.push([0, 'Labels:'], ...labels.map(([k, v]) => [1, v ? `${k}=${v}` : k] as Line));
  lines.push(
    [0, 'Status:'],
    [1, 'State', cap(n.status?.state ?? 'unknown')],
    ...(n.status?.message ? [[1, 'Message', n.status.message] as Line] : []),
    [1, 'Availability', cap(n.spec?.availability ?? '')],
    [1, 'Address', n.status?.addr ?? ''],
  );
  const ms = n.managerStatus;
  if (ms && Number(ms.raftId))
    lines.push(
      [0, 'Manager Status:'],
      [1, 'Address', ms.addr],
      [1, 'Raft Status', cap(ms.reachability ?? 'unknown')],
      [1, 'Leader', ms.leader ? 'Yes' : 'No'],
    );
  lines.push(
    [0, 'Platform:'],
    [1, 'Operating System', d?.platform?.os ?? ''],
    [1, 'Architecture', d?.platform?.architecture ?? ''],
    [0, 'Resources:'],
    [1, 'CPUs', String(Number(d?.resources?.nanoCpus ?? 0) / 1e9)],
    [1, 'Memory', bytesSize(Number(d?.resources?.memoryBytes ?? 0))],
    [0, 'Engine Version', d?.engine?.engineVersion ?? ''],
  );
  const engineLabels = Object.entries(d?.engine?.labels ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (engineLabels.length)
    lines.push([0, 'Engine Labels:'], ...engineLabels.map(([k, v]) => [1, `- ${k}=${v}`] as Line));
  return render(lines);
}
