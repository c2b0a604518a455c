// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time per
// function and per area (raft core, storage, transport, gRPC, protobuf, GC, idle...).
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

function area(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  if (url.includes('/raft/core/')) return 'raft core';
  if (url.includes('/raft/storage/')) return 'raft storage';
  if (url.includes('/raft/transport/')) return 'raft transport';
  if (url.includes('/raft/node')) return 'raft driver';
  if (url.includes('@grpc/grpc-js')) return 'grpc-js';
  if (url.includes('protobufjs') || url.includes('@protobufjs')) return 'protobufjs';
  if (url.includes('/bench/')) return 'bench harness';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return 'other';
}

export function summarizeProfile(p: CpuProfile, top = 15): string {
  const total = p.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1;
  const byFn = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const n of p.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const file = url ? url.replace(/^.*\/(node_modules\/)?/, '') : '';
    const key = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
    byFn.set(key, (byFn.get(key) ?? 0) + hits);
    const a = area(url, functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + hits);
  }
  const pct = (h: number) => `${((100 * h) / total).toFixed(1).padStart(5)}%`;
  const lines = [`  ${((p.endTime - p.startTime) / 1e6).toFixed(1)} s profiled; self time by area:`];
  for (const [a, h] of [...byArea].sort((x, y) => y[1] - x[1])) lines.push(`    ${pct(h)}  ${a}`);
  lines.push(`  top ${top} functions by self time:`);
  for (const [f, h] of [...byFn].sort((x, y) => y[1] - x[1]).slice(0, top)) lines.push(`    ${pct(h)}  ${f}`);
  return lines.join('\n');
}
