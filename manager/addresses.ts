// Cluster addresses. A manager serves its cluster API (CA, control, dispatcher,
// membership) on the listen port and raft on the port right after it, so one flag
// (--listen-addr / --advertise-addr, Swarm's 2377) fixes both.
import * as net from 'net';

export const DEFAULT_PORT = 2377;
export const DEFAULT_LISTEN_ADDR = `0.0.0.0:${DEFAULT_PORT}`;

export interface HostPort {
  host: string;
  port: number;
}

/** Parses "host", "host:port" or "[v6]:port"; the error names the flag. */
export function parseHostPort(value: string, field: string, defaultPort = DEFAULT_PORT): HostPort {
  const v = (value ?? '').trim();
  if (!v) throw new Error(`${field}: an address is required`);
  let host = v;
  let port = defaultPort;
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(v);
  if (v6) {
    host = v6[1];
    if (v6[2]) port = Number(v6[2]);
  } else if (v.includes(':')) {
    const i = v.lastIndexOf(':');
    host = v.slice(0, i);
    if (!/^\d+$/.test(v.slice(i + 1))) throw new Error(`${field}: port must be a number in "${value}"`);
    port = Number(v.slice(i + 1));
  }
  if (!host || /[\s/]/.test(host)) throw new Error(`${field}: "${value}" is not a host or host:port`);
  if (!Number.isInteger(port) || port < 1 || port > 65534)
    throw new Error(`${field}: port must be between 1 and 65534, got ${port} in "${value}"`);
  return { host, port };
}

export function formatHostPort(hp: HostPort): string {
  return net.isIPv6(hp.host) ? `[${hp.host}]:${hp.port}` : `${hp.host}:${hp.port}`;
}

/** The raft address that goes with a cluster API address. */
export function raftAddressFor(controlAddr: string): string {
  const hp = parseHostPort(controlAddr, 'address');
  return formatHostPort({ host: hp.host, port: hp.port + 1 });
}
