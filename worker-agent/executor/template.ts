// Go-template-style placeholders in a few container fields, as `docker service create`
// allows (`--hostname "{{.Node.Hostname}}-{{.Task.Slot}}"`). Only the subset Swarm
// documents is supported: field paths (the labels map printed as Go prints it) and
// `index` on the service labels. Anything else is an error naming the field and the
// placeholder, so a typo never reaches a container as literal braces.

import { TaskSpecError } from './errors';

export interface TemplateContext {
  service: { id: string; name: string; labels: Record<string, string> };
  task: { id: string; name: string; slot: string };
  node: { id: string; hostname: string; platform: { os: string; architecture: string } };
}

export class TemplateError extends TaskSpecError {
  constructor(field: string, message: string) {
    super(field, message);
    this.name = 'TemplateError';
  }
}

function pathValues(ctx: TemplateContext): Record<string, string> {
  return {
    '.Service.ID': ctx.service.id,
    '.Service.Name': ctx.service.name,
    '.Service.Labels': goMap(ctx.service.labels),
    '.Task.ID': ctx.task.id,
    '.Task.Name': ctx.task.name,
    '.Task.Slot': ctx.task.slot,
    '.Node.ID': ctx.node.id,
    '.Node.Hostname': ctx.node.hostname,
    '.Node.Platform.OS': ctx.node.platform.os,
    '.Node.Platform.Architecture': ctx.node.platform.architecture,
  };
}

/** How Go prints a map[string]string: `map[a:1 b:2]`, keys sorted. */
function goMap(m: Record<string, string>): string {
  const keys = Object.keys(m).sort();
  return `map[${keys.map((k) => `${k}:${m[k]}`).join(' ')}]`;
}

// `index .Service.Labels "key"` (Go also accepts raw strings in backquotes).
const INDEX_LABELS = /^index\s+\.Service\.Labels\s+(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)$/;

function evaluate(expr: string, ctx: TemplateContext, field: string): string {
  const values = pathValues(ctx);
  if (Object.prototype.hasOwnProperty.call(values, expr)) return values[expr];
  const m = INDEX_LABELS.exec(expr);
  if (m) {
    const key = m[1] !== undefined ? JSON.parse(`"${m[1]}"`) : m[2];
    // Go's index on a map yields the zero value for a missing key; templates rely on it.
    return ctx.service.labels[key] ?? '';
  }
  throw new TemplateError(
    field,
    `unknown template placeholder {{${expr}}} (known: ${Object.keys(values)
      .map((k) => `{{${k}}}`)
      .join(', ')}, {{index .Service.Labels "key"}})`,
  );
}

/** Expands every `{{ ... }}` in `text`; `field` names the input in errors. */
export function expandTemplate(text: string, ctx: TemplateContext, field: string): string {
  if (!text.includes('{{')) {
    if (text.includes('}}'))
      throw new TemplateError(field, `unexpected "}}" without "{{" in ${JSON.stringify(text)}`);
    return text;
  }
  let out = '';
  let rest = text;
  for (;;) {
    const open = rest.indexOf('{{');
    if (open < 0) break;
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) throw new TemplateError(field, `unclosed "{{" in ${JSON.stringify(text)}`);
    out += rest.slice(0, open);
    let expr = rest.slice(open + 2, close);
    // Go's whitespace trim markers: {{- and -}} only trim around the action.
    let trimLeft = false;
    let trimRight = false;
    if (expr.startsWith('- ')) {
      trimLeft = true;
      expr = expr.slice(1);
    }
    if (expr.endsWith(' -')) {
      trimRight = true;
      expr = expr.slice(0, -1);
    }
    if (trimLeft) out = out.replace(/\s+$/, '');
    out += evaluate(expr.trim(), ctx, field);
    rest = rest.slice(close + 2);
    if (trimRight) rest = rest.replace(/^\s+/, '');
  }
  return out + rest;
}

/** Expands the value part of KEY=value environment entries; keys stay literal. */
export function expandEnv(env: string[], ctx: TemplateContext, field = 'env'): string[] {
  return env.map((entry, i) => {
    const eq = entry.indexOf('=');
    if (eq < 0) return expandTemplate(entry, ctx, `${field}[${i}]`);
    return entry.slice(0, eq + 1) + expandTemplate(entry.slice(eq + 1), ctx, `${field}[${i}]`);
  });
}
