import {
  ConstraintError,
  matchAll,
  matchConstraint,
  parseConstraint,
  parseConstraints,
} from '../../../manager/constraints';
import { compilePlacement, validatePlacement } from '../../../manager/constraints/placement';
import { normalizeArch, platformMatches } from '../../../manager/constraints/platform';
import { node } from '../orchestrator/fixtures';

describe('parseConstraint', () => {
  it.each([
    ['node.id==abc', 'node.id', '==', 'abc'],
    ['node.hostname!=web-1', 'node.hostname', '!=', 'web-1'],
    ['node.role == manager', 'node.role', '==', 'manager'],
    ['NODE.ROLE==worker', 'node.role', '==', 'worker'],
    ['node.labels.zone==a', 'node.labels.zone', '==', 'a'],
    ['node.labels.Rack.Row!=3', 'node.labels.Rack.Row', '!=', '3'],
    ['node.platform.os==linux', 'node.platform.os', '==', 'linux'],
    ['node.platform.arch==arm64', 'node.platform.arch', '==', 'arm64'],
    ['engine.labels.disk==ssd', 'engine.labels.disk', '==', 'ssd'],
  ])('%s', (text, key, operator, value) => {
    expect(parseConstraint(text)).toEqual({ text, key, operator, value });
  });

  it.each([
    ['node.role=manager', 'expected <key>==<value> or <key>!=<value>'],
    ['node.role', 'expected <key>==<value> or <key>!=<value>'],
    ['==manager', 'the key before the operator is empty'],
    ['node.role==', 'the value after the operator is empty'],
    ['node.colour==red', 'unknown key "node.colour"'],
    ['node.labels.==a', 'label name is missing after "node.labels."'],
    ['node.role==a==b', 'holds another operator'],
  ])('rejects %s naming the constraint', (text, reason) => {
    let err: unknown;
    try {
      parseConstraint(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConstraintError);
    expect((err as Error).message).toContain(`invalid constraint ${JSON.stringify(text)}`);
    expect((err as Error).message).toContain(reason);
  });

  it('parseConstraints names the first bad one of a list', () => {
    expect(() => parseConstraints(['node.role==manager', 'zone=a'])).toThrow('invalid constraint "zone=a"');
  });
});

describe('matching a node', () => {
  const n = node('n1', {
    labels: { zone: 'A', 'Rack.Row': '3' },
    engineLabels: { disk: 'ssd' },
    role: 'manager',
    hostname: 'Web-1',
    arch: 'arm64',
  });
  const m = (text: string) => matchConstraint(parseConstraint(text), n);

  it('compares values case-insensitively, as Swarm does', () => {
    expect(m('node.labels.zone==a')).toBe(true);
    expect(m('node.hostname==web-1')).toBe(true);
    expect(m('node.role==MANAGER')).toBe(true);
  });

  it('handles each key', () => {
    expect(m('node.id==n1')).toBe(true);
    expect(m('node.id!=n1')).toBe(false);
    expect(m('node.role==worker')).toBe(false);
    expect(m('node.platform.os==linux')).toBe(true);
    expect(m('node.platform.arch==amd64')).toBe(false);
    expect(m('engine.labels.disk==ssd')).toBe(true);
    expect(m('node.labels.Rack.Row==3')).toBe(true);
  });

  it('a missing label equals nothing: == fails and != holds', () => {
    expect(m('node.labels.gpu==yes')).toBe(false);
    expect(m('node.labels.gpu!=yes')).toBe(true);
    expect(m('engine.labels.zone==a')).toBe(false); // node label, not engine label
  });

  it('matchAll needs every constraint', () => {
    expect(matchAll(parseConstraints(['node.labels.zone==a', 'node.role==manager']), n)).toBe(true);
    expect(matchAll(parseConstraints(['node.labels.zone==a', 'node.role==worker']), n)).toBe(false);
    expect(matchAll([], n)).toBe(true);
  });
});

describe('placement', () => {
  it('compiles preferences to canonical keys and reports bad ones', () => {
    expect(
      compilePlacement({ constraints: [], preferences: [{ spread: 'node.labels.zone' }] } as never)
        .spreadKeys,
    ).toEqual(['node.labels.zone']);
    expect(compilePlacement({ constraints: ['bad'], preferences: [] } as never).error).toContain(
      'invalid constraint "bad"',
    );
    expect(() => validatePlacement({ constraints: [], preferences: [{ spread: 'zone' }] } as never)).toThrow(
      /task_template.placement: invalid constraint "spread=zone": unknown key "zone"/,
    );
  });

  it('platforms: empty allows all; arch aliases are normalized', () => {
    const arm = node('a', { arch: 'aarch64' });
    expect(normalizeArch('x86_64')).toBe('amd64');
    expect(platformMatches([], arm)).toBe(true);
    expect(platformMatches([{ os: 'linux', architecture: 'arm64' }], arm)).toBe(true);
    expect(platformMatches([{ os: 'linux', architecture: 'amd64' }], arm)).toBe(false);
    expect(platformMatches([{ os: 'windows', architecture: '' }], arm)).toBe(false);
  });
});
