import { parseFilters } from '../../../cli/commands/filters';

const modes = (filters: string[]) =>
  parseFilters(
    filters,
    { modes: [] as string[] },
    (key, value, own) => key === 'mode' && own.modes.push(value) > 0,
    ['mode'],
  );

test('common keys once, a command’s own keys through its handler', () => {
  expect(modes(['id=ab', 'name=web', 'label=tier=front', 'label=canary', 'mode=global'])).toEqual({
    common: { idPrefixes: ['ab'], names: ['web'], labels: { tier: 'front', canary: '' } },
    modes: ['global'],
  });
});

test('unknown keys and malformed filters name the flag and list what is known', () => {
  expect(() => modes(['colour=red'])).toThrow(
    '--filter: unknown filter "colour"; filters: id, name, label, mode',
  );
  expect(() => modes(['=x'])).toThrow(/--filter: must look like key=value/);
  expect(() => modes(['node.label=a'])).toThrow(/unknown filter "node.label"/);
});
