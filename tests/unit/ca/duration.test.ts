import { parseDuration, parseDurationAtLeast, formatDuration } from '../../../manager/ca/duration';

describe('parseDuration', () => {
  it.each([
    ['90d', 90 * 86_400_000],
    ['2160h', 2160 * 3_600_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['45s', 45_000],
    ['250ms', 250],
    [' 2h ', 7_200_000],
  ])('%s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '90', 'd', '10x', '1h 30m', '-1h', 'abc'])('rejects %j naming the field', (text) => {
    expect(() => parseDuration(text, '--cert-expiry')).toThrow(/^--cert-expiry: /);
  });

  it('enforces a minimum', () => {
    expect(() => parseDurationAtLeast('30m', 3_600_000, '--cert-expiry')).toThrow(
      '--cert-expiry: "30m" is shorter than the minimum of 1h',
    );
    expect(parseDurationAtLeast('1h', 3_600_000)).toBe(3_600_000);
  });

  it('formats back', () => {
    expect(formatDuration(90 * 86_400_000)).toBe('90d');
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(parseDuration(formatDuration(123_456_789))).toBe(123_456_789);
  });
});
