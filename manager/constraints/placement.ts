// A task spec's placement, parsed once and cached per (frozen) placement object: the
// scheduler asks it for every candidate node and the orchestrators for every task.
import type { Node, TaskSpec } from '../api-types';
import { canonicalKey, Constraint, ConstraintError, matchAll, parseConstraints } from './index';
import { PlatformLike, platformMatches } from './platform';

export interface CompiledPlacement {
  constraints: Constraint[];
  /** Set when a constraint or preference does not parse; such a spec fits no node. */
  error?: string;
  platforms: PlatformLike[];
  /** Canonical keys to spread over, outermost first. */
  spreadKeys: string[];
  /** 0 = no limit. */
  maxReplicas: number;
}

type Placement = NonNullable<TaskSpec['placement']>;

const EMPTY: CompiledPlacement = { constraints: [], platforms: [], spreadKeys: [], maxReplicas: 0 };
const cache = new WeakMap<Placement, CompiledPlacement>();

export function compilePlacement(placement: Placement | null | undefined): CompiledPlacement {
  if (!placement) return EMPTY;
  const hit = cache.get(placement);
  if (hit) return hit;
  const compiled: CompiledPlacement = {
    constraints: [],
    platforms: placement.platforms ?? [],
    spreadKeys: [],
    maxReplicas: Number(placement.maxReplicas ?? 0),
  };
  try {
    compiled.constraints = parseConstraints(placement.constraints);
    compiled.spreadKeys = (placement.preferences ?? [])
      .map((p) => p.spread ?? '')
      .filter((s) => s !== '')
      .map((s) => canonicalKey(s.replace(/^spread=/, ''), `spread=${s}`));
  } catch (err) {
    compiled.error = err instanceof ConstraintError ? err.message : String(err);
  }
  cache.set(placement, compiled);
  return compiled;
}

/** Constraints and platform: what does not change while tasks come and go. */
export function satisfiesConstraints(p: CompiledPlacement, node: Node): boolean {
  return p.error === undefined && matchAll(p.constraints, node);
}

export function satisfiesPlatform(p: CompiledPlacement, node: Node): boolean {
  return platformMatches(p.platforms, node);
}

/**
 * Validates a placement for the control API (service create/update): throws an Error
 * naming the bad constraint or preference, changes nothing.
 */
export function validatePlacement(placement: Placement | null | undefined): void {
  const compiled = compilePlacement(placement);
  if (compiled.error) throw new Error(`task_template.placement: ${compiled.error}`);
}
