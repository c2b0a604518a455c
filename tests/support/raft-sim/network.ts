// A simulated network between numbered endpoints: per-message delay (so reordering),
// loss and duplication, plus directed link cuts from which every partition shape
// (full split, isolated node, asymmetric, bridge) is built.
import { Prng } from './prng';

export interface NetworkOptions {
  dropRate: number;
  duplicateRate: number;
  minDelay: number;
  maxDelay: number;
  // A fraction of messages take much longer, overtaking nothing but overtaken by all.
  slowRate: number;
  slowDelay: number;
}

export interface InFlight<P> {
  from: number;
  to: number;
  payload: P;
  deliverAt: number;
  seq: number;
}

export class SimNetwork<P> {
  private inFlight: InFlight<P>[] = [];
  private readonly cut = new Set<string>();
  private seq = 0;
  dropped = 0;
  delivered = 0;

  constructor(
    private readonly prng: Prng,
    public options: NetworkOptions,
    // Told of every message lost (at send or at delivery), as a transport learns of
    // a failed stream.
    private readonly onLost: (m: InFlight<P>) => void = () => {},
  ) {}

  send(from: number, to: number, payload: P, now: number): void {
    if (this.prng.chance(this.options.dropRate)) {
      this.dropped++;
      this.onLost({ from, to, payload, deliverAt: now, seq: this.seq++ });
      return;
    }
    const copies = this.prng.chance(this.options.duplicateRate) ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      const o = this.options;
      const delay = this.prng.chance(o.slowRate) ? o.slowDelay : this.prng.int(o.minDelay, o.maxDelay);
      this.inFlight.push({ from, to, payload, deliverAt: now + delay, seq: this.seq++ });
    }
  }

  // Messages due by `now` whose link is up, in random order; a message whose link is
  // cut at delivery time is lost, like a packet on a cable that was just pulled.
  deliverDue(now: number): InFlight<P>[] {
    const due: InFlight<P>[] = [];
    const later: InFlight<P>[] = [];
    for (const m of this.inFlight) (m.deliverAt <= now ? due : later).push(m);
    this.inFlight = later;
    const out = due.filter((m) => {
      if (this.isCut(m.from, m.to)) {
        this.dropped++;
        this.onLost(m);
        return false;
      }
      return true;
    });
    this.delivered += out.length;
    return this.prng.shuffle(out);
  }

  dropWhere(pred: (m: InFlight<P>) => boolean): void {
    this.inFlight = this.inFlight.filter((m) => !pred(m));
  }

  get pending(): number {
    return this.inFlight.length;
  }

  isCut(from: number, to: number): boolean {
    return this.cut.has(`${from}>${to}`);
  }

  cutLink(from: number, to: number): void {
    this.cut.add(`${from}>${to}`);
  }

  heal(): void {
    this.cut.clear();
  }

  // Cuts every link between the groups in both directions; nodes in no group keep all
  // their links, which is how a bridge node is made.
  separate(a: readonly number[], b: readonly number[]): void {
    for (const x of a) {
      for (const y of b) {
        this.cutLink(x, y);
        this.cutLink(y, x);
      }
    }
  }

  describeCuts(): string {
    return this.cut.size === 0 ? 'none' : [...this.cut].sort().join(' ');
  }
}
