import { GROUPS, groupsFor } from '../../../cli/command-groups';

const namesOf = (argv: string[]): string[] => groupsFor(argv).flatMap((g) => g.names);

describe('the CLI loads the command group a run names', () => {
  it('loads only the group of the first word', () => {
    expect(namesOf(['service', 'create', '--replicas', '3', 'nginx'])).toEqual(['service']);
    expect(namesOf(['join-token', 'worker'])).toContain('join');
    expect(groupsFor(['node', 'ls'])).toHaveLength(1);
  });

  it('loads every group for help, no command or an unknown one', () => {
    for (const argv of [[], ['--help'], ['help', 'service'], ['servce', 'ls']])
      expect(groupsFor(argv)).toHaveLength(GROUPS.length);
  });

  it('loads none to print the version', () => {
    expect(groupsFor(['--version'])).toEqual([]);
    expect(groupsFor(['-V'])).toEqual([]);
  });

  it('names every command the groups build, once', async () => {
    const built = (await Promise.all(GROUPS.map((g) => g.load()))).map((cs) => cs.map((c) => c.name()));
    GROUPS.forEach((g, i) => expect([...built[i]].sort()).toEqual([...g.names].sort()));
  });
});
