// Conversion between raft/types.ts messages and the proto/raft.proto wire shapes.
// Everything decoded is checked: ids, terms and indexes must be safe integers.
import type {
  Message as WireMessage,
  Message__Output as WireMessageOut,
} from '../../proto/gen/shoal/raft/Message';
import type { SnapshotMeta__Output } from '../../proto/gen/shoal/raft/SnapshotMeta';
import { Entry, EntryType, Message, MessageType, SnapshotMeta, assertIndex } from '../types';

const MESSAGE_TYPES = new Set<string>(Object.values(MessageType));

export function toWire(m: Message): WireMessage {
  const w: WireMessage = { type: m.type, from: m.from, to: m.to, term: m.term };
  if (m.logTerm) w.logTerm = m.logTerm;
  if (m.index) w.index = m.index;
  if (m.commit) w.commit = m.commit;
  if (m.reject) w.reject = true;
  if (m.rejectHint) w.rejectHint = m.rejectHint;
  if (m.context && m.context.length) w.context = m.context;
  if (m.entries && m.entries.length) w.entries = m.entries;
  if (m.snapshot) w.snapshot = m.snapshot.meta;
  return w;
}

/** Decodes a wire message; the snapshot's data (streamed separately) is attached by the caller. */
export function fromWire(w: WireMessageOut): Message {
  if (!MESSAGE_TYPES.has(w.type)) throw new RangeError(`message.type is unknown: ${String(w.type)}`);
  const m: Message = {
    type: w.type as MessageType,
    from: assertIndex(w.from, 'message.from'),
    to: assertIndex(w.to, 'message.to'),
    term: assertIndex(w.term, 'message.term'),
  };
  if (w.logTerm) m.logTerm = assertIndex(w.logTerm, 'message.logTerm');
  if (w.index) m.index = assertIndex(w.index, 'message.index');
  if (w.commit) m.commit = assertIndex(w.commit, 'message.commit');
  if (w.reject) m.reject = true;
  if (w.rejectHint) m.rejectHint = assertIndex(w.rejectHint, 'message.rejectHint');
  if (w.context && w.context.length) m.context = w.context;
  if (w.entries.length) {
    const entries: Entry[] = new Array(w.entries.length);
    for (let i = 0; i < w.entries.length; i++) {
      const e = w.entries[i];
      if (e.type !== EntryType.Normal && e.type !== EntryType.ConfChange) {
        throw new RangeError(`message.entries[${i}].type is unknown: ${e.type}`);
      }
      entries[i] = {
        term: assertIndex(e.term, `message.entries[${i}].term`),
        index: assertIndex(e.index, `message.entries[${i}].index`),
        type: e.type,
        data: e.data,
      };
    }
    m.entries = entries;
  }
  if (w.snapshot) m.snapshot = { meta: metaFromWire(w.snapshot), data: new Uint8Array(0) };
  return m;
}

function metaFromWire(s: SnapshotMeta__Output): SnapshotMeta {
  const ids = (xs: number[], what: string) => xs.map((x, i) => assertIndex(x, `${what}[${i}]`));
  return {
    index: assertIndex(s.index, 'snapshot.index'),
    term: assertIndex(s.term, 'snapshot.term'),
    confState: {
      voters: ids(s.confState?.voters ?? [], 'snapshot.confState.voters'),
      learners: ids(s.confState?.learners ?? [], 'snapshot.confState.learners'),
    },
  };
}
