// Option parsers shared by commands; each error names the flag.
import { InvalidArgumentError } from 'commander';

export function intOption(flag: string, min = 0) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min)
      throw new InvalidArgumentError(`${flag} must be an integer >= ${min}, got "${value}"`);
    return Number(value);
  };
}

export function keyValueOption(flag: string) {
  return (value: string, previous: Record<string, string> = {}): Record<string, string> => {
    const eq = value.indexOf('=');
    if (eq <= 0) throw new InvalidArgumentError(`${flag} must look like key=value, got "${value}"`);
    return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
  };
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
