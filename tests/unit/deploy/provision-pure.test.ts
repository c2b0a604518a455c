import { dockerdCommand, parseOsRelease } from '../../../deploy/machine/provision';
import { hostEnv, nsenterArgs, sshdConfigText } from '../../../deploy/lab/host-namespaces';
import { registryConfig } from '../../../deploy/lab/registry';
import { fingerprint } from '../../../deploy/machine/ssh-connection';
import { MachineStore } from '../../../deploy/machine/store';

describe('provisioning, pure parts', () => {
  test('parses /etc/os-release with and without quotes', () => {
    const os = parseOsRelease(
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n\n# comment\n',
    );
    expect(os).toEqual({ PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)', ID: 'debian', VERSION_ID: '12' });
  });

  test('quotes dockerd options so a value cannot inject shell', () => {
    const cmd = dockerdCommand(["--label=a'b; rm -rf /", '--insecure-registry=10.0.0.1:5000']);
    expect(cmd).toBe(
      `'dockerd' '--host=unix:///var/run/docker.sock' '--label=a'\\''b; rm -rf /' '--insecure-registry=10.0.0.1:5000'`,
    );
  });

  test('sshd accepts only keys, listens on the host address only', () => {
    const text = sshdConfigText({ address: '10.1.1.1', port: 22, hostKey: '/k', authorizedKeys: '/a' });
    expect(text).toMatch(/^ListenAddress 10\.1\.1\.1:22$/m);
    expect(text).toMatch(/^PasswordAuthentication no$/m);
    expect(text).toMatch(/^AuthorizedKeysFile \/a$/m);
  });

  test("a command on a lab host gets a login's environment, not the caller's", () => {
    const caller = {
      PATH: '/root/.cargo/bin:/usr/bin',
      NODE_EXTRA_CA_CERTS: '/ca.crt',
      LANG: 'C.UTF-8',
      TERM: 'xterm',
    };
    expect(hostEnv(caller)).toEqual({
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      HOME: '/root',
      USER: 'root',
      LOGNAME: 'root',
      LANG: 'C.UTF-8',
      TERM: 'xterm',
    });
    const args = nsenterArgs(42, ['shoal', 'ping']);
    expect(args.slice(0, 8)).toEqual(['-t', '42', '--net', '--uts', '--mount', '--', 'env', '-i']);
    expect(args.slice(-2)).toEqual(['shoal', 'ping']);
    expect(args.some((a) => a.startsWith('NODE_EXTRA_CA_CERTS='))).toBe(false);
  });

  test('registry config points at the lab folder and address', () => {
    expect(registryConfig('/d', '10.0.0.1:5000')).toMatch(
      /rootdirectory: \/d\n[\s\S]*addr: 10\.0\.0\.1:5000/,
    );
  });

  test('fingerprints look like OpenSSH SHA256 ones', () => {
    expect(fingerprint(Buffer.from('abc'))).toBe('SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0');
  });

  test('machine names are validated', () => {
    expect(MachineStore.validateName('m1.lab')).toBe('m1.lab');
    expect(() => MachineStore.validateName('../etc')).toThrow(/invalid machine name/);
    expect(() => MachineStore.validateName('')).toThrow(/invalid machine name/);
  });
});
