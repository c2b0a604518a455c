// The testdata format, after etcd's datadriven files: each case is a command line,
// a `----` line, then the expected output up to the next blank line. Lines starting
// with `#` (and blank lines between cases) are kept verbatim.

export interface Command {
  name: string;
  args: string[]; // positional
  kv: Map<string, string>; // key=value
}

export type Block =
  { kind: 'text'; text: string } | { kind: 'case'; line: string; command: Command; expected: string };

export function parseCommand(line: string): Command {
  const tokens = line.trim().split(/\s+/);
  const name = tokens[0];
  const args: string[] = [];
  const kv = new Map<string, string>();
  for (const t of tokens.slice(1)) {
    const eq = t.indexOf('=');
    if (eq > 0) kv.set(t.slice(0, eq), t.slice(eq + 1));
    else args.push(t);
  }
  return { name, args, kv };
}

export function parseScript(text: string, file: string): Block[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '' || line.startsWith('#')) {
      blocks.push({ kind: 'text', text: line });
      i++;
      continue;
    }
    if (lines[i + 1] !== '----') throw new Error(`${file}:${i + 2}: expected '----' after command '${line}'`);
    const out: string[] = [];
    let j = i + 2;
    while (j < lines.length && lines[j] !== '') out.push(lines[j++]);
    blocks.push({ kind: 'case', line, command: parseCommand(line), expected: out.join('\n') });
    i = j;
  }
  return blocks;
}

export function renderScript(blocks: Block[], actual: string[]): string {
  const out: string[] = [];
  let k = 0;
  for (const b of blocks) {
    if (b.kind === 'text') out.push(b.text);
    else {
      out.push(b.line, '----', actual[k++]);
      out.push('');
    }
  }
  // Collapse the blank line we add after a case with a following blank text line.
  const text = out.join('\n').replace(/\n{3,}/g, '\n\n');
  return text.endsWith('\n') ? text : text + '\n';
}
