import { hostNames, planHosts, validateLabName, hostAddress, subnetOf } from '../../../deploy/lab/names';

describe('lab names', () => {
  test('accepts short lowercase names and rejects the rest, naming the problem', () => {
    expect(validateLabName('lab')).toBe('lab');
    expect(validateLabName('a1234567')).toBe('a1234567');
    for (const bad of ['', 'Lab', '1lab', 'lab-1', 'abcdefghi', 'a b']) {
      expect(() => validateLabName(bad)).toThrow(/invalid lab name/);
    }
  });

  test('interface names stay within the 15 characters Linux allows and never collide', () => {
    const seen = new Set<string>();
    for (const lab of ['a', 'abcdefgh', 'xm1', 'x']) {
      for (const { host } of planHosts(9, 20)) {
        const n = hostNames(lab, host);
        for (const ifname of [n.vethHost, n.vethBridge]) {
          expect(ifname.length).toBeLessThanOrEqual(15);
          expect(seen.has(ifname)).toBe(false);
          seen.add(ifname);
        }
      }
    }
  });

  test('plans managers first, then workers, with addresses in the lab subnet', () => {
    expect(planHosts(2, 1)).toEqual([
      { host: 'm1', role: 'manager' },
      { host: 'm2', role: 'manager' },
      { host: 'w1', role: 'worker' },
    ]);
    expect(hostAddress(7, 0)).toBe('10.213.7.11');
    expect(subnetOf(7)).toBe('10.213.7.0/24');
  });

  test('rejects impossible host counts with the flag name', () => {
    expect(() => planHosts(0, 0)).toThrow(/at least one host/);
    expect(() => planHosts(-1, 2)).toThrow(/--managers/);
    expect(() => planHosts(1, 1.5)).toThrow(/--workers/);
    expect(() => planHosts(10, 0)).toThrow(/--managers must be an integer from 0 to 9/);
  });
});
