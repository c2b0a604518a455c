// Compact, stable text forms of raft values (in the spirit of etcd's DescribeMessage),
// used by the interaction tests' golden files and by debug logging.
import {
  ConfChangeType,
  EntryType,
  MessageType,
  type ConfState,
  type Entry,
  type HardState,
  type Message,
  type Ready,
  type Snapshot,
} from '../types';
import { decodeConfChange } from './confchange-codec';

const decoder = new TextDecoder('utf-8', { fatal: false });

function describeData(data: Uint8Array): string {
  return JSON.stringify(decoder.decode(data));
}

export function describeConfState(cs: ConfState): string {
  let s = `Voters:[${cs.voters.join(' ')}]`;
  if (cs.learners.length > 0) s += ` Learners:[${cs.learners.join(' ')}]`;
  return s;
}

export function describeEntry(e: Entry): string {
  if (e.type === EntryType.ConfChange) {
    try {
      const cc = decodeConfChange(e.data);
      const op =
        cc.type === ConfChangeType.AddVoter ? 'v' : cc.type === ConfChangeType.AddLearner ? 'l' : 'r';
      return `${e.term}/${e.index} EntryConfChange ${op}${cc.nodeId}`;
    } catch {
      return `${e.term}/${e.index} EntryConfChange <invalid>`;
    }
  }
  return `${e.term}/${e.index} EntryNormal ${describeData(e.data)}`;
}

export function describeHardState(hs: HardState): string {
  return `Term:${hs.term} Vote:${hs.vote} Commit:${hs.commit}`;
}

export function describeSnapshot(s: Snapshot): string {
  return `Index:${s.meta.index} Term:${s.meta.term} ConfState:${describeConfState(s.meta.confState)}`;
}

export function describeMessage(m: Message): string {
  let s = `${m.from}->${m.to} ${m.type} Term:${m.term}`;
  const withLog =
    m.type === MessageType.App ||
    m.type === MessageType.AppResp ||
    m.type === MessageType.Vote ||
    m.type === MessageType.PreVote ||
    m.type === MessageType.ReadIndexResp;
  if (withLog) s += ` Log:${m.logTerm ?? 0}/${m.index ?? 0}`;
  if (m.reject) {
    s += ' Rejected';
    if (m.rejectHint !== undefined) s += ` (Hint: ${m.rejectHint})`;
  }
  if (m.commit !== undefined && m.commit !== 0) s += ` Commit:${m.commit}`;
  if (m.context && m.context.length > 0) s += ` Context:${describeData(m.context)}`;
  if (m.entries && m.entries.length > 0) s += ` Entries:[${m.entries.map(describeEntry).join(', ')}]`;
  if (m.snapshot) s += ` Snapshot: ${describeSnapshot(m.snapshot)}`;
  return s;
}

export function describeReady(rd: Ready): string {
  const lines: string[] = [];
  if (rd.softState) lines.push(`Lead:${rd.softState.lead} State:${rd.softState.role}`);
  if (rd.hardState) lines.push(`HardState ${describeHardState(rd.hardState)}`);
  if (rd.readStates.length > 0) {
    lines.push('ReadStates:');
    for (const r of rd.readStates) lines.push(`  Index:${r.index} Context:${describeData(r.requestCtx)}`);
  }
  if (rd.entries.length > 0) {
    lines.push('Entries:');
    for (const e of rd.entries) lines.push(`  ${describeEntry(e)}`);
  }
  if (rd.snapshot) lines.push(`Snapshot ${describeSnapshot(rd.snapshot)}`);
  if (rd.committedEntries.length > 0) {
    lines.push('CommittedEntries:');
    for (const e of rd.committedEntries) lines.push(`  ${describeEntry(e)}`);
  }
  if (rd.messages.length > 0) {
    lines.push('Messages:');
    for (const m of rd.messages) lines.push(`  ${describeMessage(m)}`);
  }
  return lines.join('\n');
}
