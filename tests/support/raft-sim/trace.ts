// A bounded log of the last simulator events, printed when a seed fails.
export class Trace {
  private readonly lines: string[] = [];
  private start = 0;

  constructor(
    private readonly capacity: number,
    private readonly now: () => number,
    private readonly echo = false,
  ) {}

  add(line: string): void {
    const stamped = `t=${this.now()} ${line}`;
    if (this.echo) process.stdout.write(stamped + '\n');
    if (this.lines.length < this.capacity) this.lines.push(stamped);
    else {
      this.lines[this.start] = stamped;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  tail(): string[] {
    return [...this.lines.slice(this.start), ...this.lines.slice(0, this.start)];
  }
}
