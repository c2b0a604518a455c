// Every command this driver proposes is wrapped so that, when the entry is applied on
// this node, the waiting promise can be found again: [1][proposer f64][boot u32][seq f64].
// The boot id is random per start, so entries proposed before a restart (and replayed
// after it) never resolve a newer proposal with the same sequence number.
export const ENVELOPE_VERSION = 1;
export const ENVELOPE_BYTES = 21;

export interface ProposalTag {
  proposer: number;
  boot: number;
  seq: number;
}

export function wrapProposal(tag: ProposalTag, payload: Uint8Array): Uint8Array {
  const out = Buffer.allocUnsafe(ENVELOPE_BYTES + payload.length);
  out[0] = ENVELOPE_VERSION;
  out.writeDoubleLE(tag.proposer, 1);
  out.writeUInt32LE(tag.boot, 9);
  out.writeDoubleLE(tag.seq, 13);
  out.set(payload, ENVELOPE_BYTES);
  return out;
}

/** Splits an applied entry's data; undefined for data this driver did not write (e.g. empty). */
export function unwrapProposal(data: Uint8Array): { tag: ProposalTag; payload: Uint8Array } | undefined {
  if (data.length < ENVELOPE_BYTES || data[0] !== ENVELOPE_VERSION) return undefined;
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return {
    tag: { proposer: buf.readDoubleLE(1), boot: buf.readUInt32LE(9), seq: buf.readDoubleLE(13) },
    payload: data.subarray(ENVELOPE_BYTES),
  };
}
