// Bounded window of in-flight append messages to one follower (etcd's
// tracker/inflights.go). Each slot remembers the last index carried by a message and
// its payload size, so an acknowledgement can free every message up to that index.

export class Inflights {
  private start = 0;
  private countValue = 0;
  private bytesValue = 0;
  private indexes: number[] = [];
  private sizes: number[] = [];

  constructor(
    readonly size: number, // max messages in flight
    readonly maxBytes = 0, // max payload bytes in flight; 0 = unlimited
  ) {
    if (!Number.isSafeInteger(size) || size <= 0)
      throw new RangeError(`maxInflightMsgs must be > 0, got ${size}`);
  }

  get count(): number {
    return this.countValue;
  }

  get bytes(): number {
    return this.bytesValue;
  }

  clone(): Inflights {
    const c = new Inflights(this.size, this.maxBytes);
    for (let i = 0; i < this.countValue; i++) {
      const slot = (this.start + i) % this.size;
      c.add(this.indexes[slot], this.sizes[slot]);
    }
    return c;
  }

  // Records a message whose last entry is `index`. Indexes must increase.
  add(index: number, bytes: number): void {
    if (this.full()) throw new Error('cannot add into a full inflights window');
    let next = this.start + this.countValue;
    if (next >= this.size) next -= this.size;
    // Grow lazily: most followers never fill the window.
    while (this.indexes.length <= next) {
      this.indexes.push(0);
      this.sizes.push(0);
    }
    this.indexes[next] = index;
    this.sizes[next] = bytes;
    this.countValue++;
    this.bytesValue += bytes;
  }

  // Frees every message whose last index is <= `to`.
  freeLE(to: number): void {
    if (this.countValue === 0 || to < this.indexes[this.start]) return;
    let i = 0;
    let idx = this.start;
    let freedBytes = 0;
    for (; i < this.countValue; i++) {
      if (to < this.indexes[idx]) break;
      freedBytes += this.sizes[idx];
      if (++idx >= this.size) idx -= this.size;
    }
    this.countValue -= i;
    this.bytesValue -= freedBytes;
    this.start = idx;
    if (this.countValue === 0) this.start = 0;
  }

  full(): boolean {
    return this.countValue === this.size || (this.maxBytes !== 0 && this.bytesValue >= this.maxBytes);
  }

  reset(): void {
    this.start = 0;
    this.countValue = 0;
    this.bytesValue = 0;
  }
}
