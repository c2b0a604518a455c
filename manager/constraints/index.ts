// Docker's placement constraint expressions (`docker service create --constraint`):
// `<key>==<value>` or `<key>!=<value>`, matched against a node. Shared by the scheduler
// (where may a task go) and the orchestrators (does a running task still belong on its
// node, which nodes does a global service cover). Parse once per service spec, match
// many times per node.
import type { Node } from '../api-types';

export type ConstraintOperator = '==' | '!=';

export interface Constraint {
  /** The expression as the user wrote it, for messages. */
  readonly text: string;
  /** Lower-cased key for the fixed keys; label keys keep their case after the prefix. */
  readonly key: string;
  readonly operator: ConstraintOperator;
  readonly value: string;
}

export class ConstraintError extends Error {
  constructor(
    readonly constraint: string,
    reason: string,
  ) {
    super(`invalid constraint ${JSON.stringify(constraint)}: ${reason}`);
    this.name = 'ConstraintError';
  }
}

const FIXED_KEYS = ['node.id', 'node.hostname', 'node.role', 'node.platform.os', 'node.platform.arch'];
const LABEL_PREFIXES = ['node.labels.', 'engine.labels.'];
// Swarm lets values hold spaces and most punctuation, but not the operators themselves.
const VALUE_PATTERN = /^[^=!<>]*$/;

export function describeKeys(): string {
  return [...FIXED_KEYS, 'node.labels.<key>', 'engine.labels.<key>'].join(', ');
}

/** Resolves a constraint or spread key to its canonical form, or throws naming it. */
export function canonicalKey(raw: string, context: string): string {
  const key = raw.trim();
  const lower = key.toLowerCase();
  if (FIXED_KEYS.includes(lower)) return lower;
  for (const prefix of LABEL_PREFIXES) {
    if (lower.startsWith(prefix)) {
      const label = key.slice(prefix.length);
      if (label === '') throw new ConstraintError(context, `label name is missing after "${prefix}"`);
      return prefix + label;
    }
  }
  throw new ConstraintError(
    context,
    `unknown key ${JSON.stringify(key)} (expected one of ${describeKeys()})`,
  );
}

export function parseConstraint(text: string): Constraint {
  if (typeof text !== 'string') throw new ConstraintError(String(text), 'expected a string');
  // Swarm checks "!=" before "==" so "a!=b" is never read as key "a!" and value "b".
  let operator: ConstraintOperator | undefined;
  let at = -1;
  for (const op of ['!=', '=='] as const) {
    const i = text.indexOf(op);
    if (i >= 0 && (at < 0 || i < at)) {
      operator = op;
      at = i;
    }
  }
  if (!operator) throw new ConstraintError(text, 'expected <key>==<value> or <key>!=<value>');
  const rawKey = text.slice(0, at);
  const value = text.slice(at + 2).trim();
  if (rawKey.trim() === '') throw new ConstraintError(text, 'the key before the operator is empty');
  if (value === '') throw new ConstraintError(text, 'the value after the operator is empty');
  if (!VALUE_PATTERN.test(value)) {
    throw new ConstraintError(text, `the value ${JSON.stringify(value)} holds another operator`);
  }
  return { text, key: canonicalKey(rawKey, text), operator, value };
}

/** Parses all of a spec's constraints; the error names the first bad one. */
export function parseConstraints(texts: readonly string[] | null | undefined): Constraint[] {
  return (texts ?? []).map(parseConstraint);
}

/** The node's value for a canonical key; undefined when the node has no such label. */
export function nodeValue(node: Node, key: string): string | undefined {
  switch (key) {
    case 'node.id':
      return node.id;
    case 'node.hostname':
      return node.description?.hostname ?? '';
    case 'node.role':
      // The role in the node's certificate is what it can do now; fall back to the
      // desired role for nodes that have not reported one yet.
      return node.role || node.spec?.desiredRole || '';
    case 'node.platform.os':
      return node.description?.platform?.os ?? '';
    case 'node.platform.arch':
      return node.description?.platform?.architecture ?? '';
  }
  if (key.startsWith('node.labels.')) {
    return lookup(node.spec?.annotations?.labels, key.slice('node.labels.'.length));
  }
  if (key.startsWith('engine.labels.')) {
    return lookup(node.description?.engine?.labels, key.slice('engine.labels.'.length));
  }
  return undefined;
}

function lookup(labels: Record<string, string> | null | undefined, name: string): string | undefined {
  if (!labels) return undefined;
  return Object.prototype.hasOwnProperty.call(labels, name) ? labels[name] : undefined;
}

/** Swarm compares values case-insensitively; a missing label equals nothing. */
export function matchConstraint(c: Constraint, node: Node): boolean {
  const actual = nodeValue(node, c.key);
  const equal = actual !== undefined && actual.toLowerCase() === c.value.toLowerCase();
  return c.operator === '==' ? equal : !equal;
}

export function matchAll(constraints: readonly Constraint[], node: Node): boolean {
  for (const c of constraints) if (!matchConstraint(c, node)) return false;
  return true;
}
