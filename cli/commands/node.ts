// `shoal node ls|inspect|update|promote|demote|rm|ps`, as `docker node`.
import { parseFilters } from './filters';
import { Command } from 'commander';
import type { Node } from '../../manager/api-types';
import type { Task__Output as Task } from '../../proto/gen/shoal/api/Task';
import type { ListNodesResponse__Output } from '../../proto/gen/shoal/api/ListNodesResponse';
import type { GetNodeResponse__Output } from '../../proto/gen/shoal/api/GetNodeResponse';
import type { ListTasksResponse__Output } from '../../proto/gen/shoal/api/ListTasksResponse';
import { addConnectionOptions, ConnectionOptions, control, localInfo } from '../control-client';
import { Column, formatRows, print } from '../output';
import { collect, keyValueOption } from './options';
import { readModifyWrite } from './read-modify-write';

const cap = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1).toLowerCase() : '');

export function managerStatusText(n: Node): string {
  const ms = n.managerStatus;
  if (!ms || !ms.raftId) return '';
  if (ms.leader) return 'Leader';
  return ms.reachability === 'REACHABLE' ? 'Reachable' : 'Unreachable';
}

function nodeColumns(self: string): Column<Node>[] {
  return [
    { header: 'ID', field: 'ID', value: (n) => (n.id === self ? `${n.id} *` : n.id) },
    { header: 'HOSTNAME', field: 'Hostname', value: (n) => n.description?.hostname ?? '' },
    { header: 'STATUS', field: 'Status', value: (n) => cap(n.status?.state ?? 'unknown') },
    { header: 'AVAILABILITY', field: 'Availability', value: (n) => cap(n.spec?.availability ?? '') },
    { header: 'MANAGER STATUS', field: 'ManagerStatus', value: managerStatusText },
    {
      header: 'ENGINE VERSION',
      field: 'EngineVersion',
      value: (n) => n.description?.engine?.engineVersion ?? '',
    },
  ];
}

const TASK_COLUMNS: Column<Task & { nodeName: string }>[] = [
  { header: 'ID', field: 'ID', value: (t) => t.id.slice(0, 12) },
  { header: 'NAME', field: 'Name', value: (t) => t.annotations?.name ?? '' },
  { header: 'IMAGE', field: 'Image', value: (t) => t.spec?.container?.image ?? '' },
  { header: 'NODE', field: 'Node', value: (t) => t.nodeName },
  { header: 'DESIRED STATE', field: 'DesiredState', value: (t) => cap(t.desiredState) },
  { header: 'CURRENT STATE', field: 'CurrentState', value: (t) => cap(t.status?.state ?? '') },
  { header: 'ERROR', field: 'Error', value: (t) => t.status?.err ?? '' },
];

/** docker's --filter for nodes: id=, name=, label=k[=v], role=, membership=. */
export function nodeFilters(filters: string[]): object {
  return parseFilters(
    filters,
    { roles: [] as string[], memberships: [] as string[] },
    (key, value, own) => {
      if (key === 'role') {
        if (value !== 'manager' && value !== 'worker')
          throw new Error(`--filter role: must be manager or worker, got "${value}"`);
        own.roles.push(value);
      } else if (key === 'membership') {
        if (!['accepted', 'pending'].includes(value))
          throw new Error(`--filter membership: must be accepted or pending, got "${value}"`);
        own.memberships.push(value.toUpperCase());
      } else return false;
      return true;
    },
    ['role', 'membership'],
    ['label', 'node.label'],
  );
}

async function selfId(o: ConnectionOptions): Promise<string> {
  if (o.host) return '';
  return (await localInfo(o.socket).catch(() => ({ nodeId: '' }))).nodeId;
}

async function getNode(o: ConnectionOptions, ref: string): Promise<Node> {
  return (await control<GetNodeResponse__Output>(o, 'GetNode', { nodeId: ref })).node as Node;
}

function updateNode(o: ConnectionOptions, ref: string, change: (n: Node) => void): Promise<Node> {
  return readModifyWrite(async () => {
    const node = await getNode(o, ref);
    change(node);
    return (
      await control<GetNodeResponse__Output>(o, 'UpdateNode', {
        nodeId: node.id,
        nodeVersion: node.meta?.version,
        spec: node.spec,
      })
    ).node as Node;
  });
}

const AVAILABILITY = ['active', 'pause', 'drain'];

export function nodeCommand(): Command {
  const node = new Command('node').description('manage the nodes of the cluster (on a manager)');

  addConnectionOptions(
    node
      .command('ls')
      .alias('list')
      .description('list nodes')
      .option('-f, --filter <key=value>', 'filter: id, name, label, role, membership', collect, [])
      .option('--format <format>', 'table, json, or a {{.Field}} template')
      .option('-q, --quiet', 'only ids'),
  ).action(async (o: ConnectionOptions & { filter: string[]; format?: string; quiet?: boolean }) => {
    const filters = nodeFilters(o.filter);
    const [res, self] = await Promise.all([
      control<ListNodesResponse__Output>(o, 'ListNodes', { filters }),
      selfId(o),
    ]);
    const nodes = (res.nodes as Node[]).sort((a, b) =>
      (a.description?.hostname ?? '').localeCompare(b.description?.hostname ?? ''),
    );
    print(formatRows(nodes, nodeColumns(self), { format: o.format, quiet: o.quiet }, (n) => n.id));
  });

  addConnectionOptions(
    node
      .command('inspect')
      .description('show nodes in detail (JSON)')
      .argument('<node...>', 'id, id prefix or hostname; "self" for this node')
      .option('--format <format>', 'json (default) or a {{.Field}} template')
      .option('--pretty', 'human-readable sections instead of JSON'),
  ).action(async (refs: string[], o: ConnectionOptions & { format?: string; pretty?: boolean }) => {
    if (o.pretty && o.format) throw new Error('--format and --pretty cannot be combined');
    const self = await selfId(o);
    const nodes = await Promise.all(refs.map((r) => getNode(o, r === 'self' ? self : r)));
    if (o.pretty) {
      const { prettyNode } = await import('./node-pretty');
      print(nodes.map(prettyNode).join('\n\n'));
      return;
    }
    if (o.format && o.format !== 'json') {
      print(formatRows(nodes, nodeColumns(self), { format: o.format }));
      return;
    }
    print(JSON.stringify(nodes, null, 4));
  });

  addConnectionOptions(
    node
      .command('update')
      .description("change a node's availability, labels or role")
      .argument('<node>', 'id, id prefix or hostname')
      .option('--availability <a>', 'active, pause or drain')
      .option('--label-add <key=value>', 'add or change a node label', keyValueOption('--label-add'), {})
      .option('--label-rm <key>', 'remove a node label', collect, [])
      .option('--role <role>', 'manager or worker'),
  ).action(
    async (
      ref: string,
      o: ConnectionOptions & {
        availability?: string;
        labelAdd: Record<string, string>;
        labelRm: string[];
        role?: string;
      },
    ) => {
      if (o.availability !== undefined && !AVAILABILITY.includes(o.availability))
        throw new Error(`--availability: must be one of active, pause, drain, got "${o.availability}"`);
      if (o.role !== undefined && o.role !== 'manager' && o.role !== 'worker')
        throw new Error(`--role: must be manager or worker, got "${o.role}"`);
      const updated = await updateNode(o, ref, (n) => {
        const spec = n.spec!;
        if (o.availability) spec.availability = o.availability.toUpperCase() as typeof spec.availability;
        if (o.role) spec.desiredRole = o.role;
        const ann = (spec.annotations ??= { name: '', labels: {} });
        for (const k of o.labelRm) {
          if (!(k in ann.labels)) throw new Error(`--label-rm: node ${ref} has no label "${k}"`);
          delete ann.labels[k];
        }
        Object.assign(ann.labels, o.labelAdd);
      });
      print(updated.id);
    },
  );

  for (const [name, role] of [
    ['promote', 'manager'],
    ['demote', 'worker'],
  ] as const) {
    addConnectionOptions(
      node
        .command(name)
        .description(name === 'promote' ? 'make nodes managers' : 'make managers workers')
        .argument('<node...>', 'id, id prefix or hostname'),
    ).action(async (refs: string[], o: ConnectionOptions) => {
      for (const ref of refs) {
        const current = await getNode(o, ref);
        if (current.spec?.desiredRole === role) {
          print(`Node ${ref} is already a ${role}.`);
          continue;
        }
        await updateNode(o, ref, (n) => (n.spec!.desiredRole = role));
        print(`${role === 'manager' ? 'Node' : 'Manager'} ${ref} ${name}d to a ${role} in the cluster.`);
      }
    });
  }

  addConnectionOptions(
    node
      .command('rm')
      .alias('remove')
      .description('remove nodes from the cluster')
      .argument('<node...>', 'id, id prefix or hostname')
      .option('-f, --force', 'remove even if the node is not down'),
  ).action(async (refs: string[], o: ConnectionOptions & { force?: boolean }) => {
    for (const ref of refs) {
      await control(o, 'RemoveNode', { nodeId: (await getNode(o, ref)).id, force: !!o.force });
      print(ref);
    }
  });

  addConnectionOptions(
    node
      .command('ps')
      .description('list the tasks on nodes (default: this node)')
      .argument('[node...]', 'id, id prefix or hostname')
      .option('--format <format>', 'table, json, or a {{.Field}} template')
      .option('-q, --quiet', 'only ids'),
  ).action(async (refs: string[], o: ConnectionOptions & { format?: string; quiet?: boolean }) => {
    const wanted = refs.length ? refs : [await selfId(o)];
    if (!wanted[0]) throw new Error('node: give a node (with -H there is no "this node")');
    const nodes = await Promise.all(wanted.map((r) => getNode(o, r)));
    const res = await control<ListTasksResponse__Output>(o, 'ListTasks', {
      filters: { nodeIds: nodes.map((n) => n.id) },
    });
    const names = new Map(nodes.map((n) => [n.id, n.description?.hostname ?? n.id]));
    const rows = res.tasks.map((t) => ({ ...t, nodeName: names.get(t.nodeId) ?? t.nodeId }));
    print(formatRows(rows, TASK_COLUMNS, { format: o.format, quiet: o.quiet }, (t) => t.id));
  });

  return node;
}
