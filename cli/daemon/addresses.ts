// Choosing the listen and advertise addresses the way `docker swarm init` does.
import * as net from 'net';
import * as os from 'os';
import { DEFAULT_LISTEN_ADDR, formatHostPort, parseHostPort } from '../../manager/addresses';

export interface ChosenAddresses {
  listen: string;
  advertise: string;
  advertiseHost: string;
}

function interfaceAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

export function chooseAddresses(listenFlag: string, advertiseFlag: string): ChosenAddresses {
  const listen = parseHostPort(listenFlag || DEFAULT_LISTEN_ADDR, '--listen-addr');
  let advertise;
  if (advertiseFlag) {
    advertise = parseHostPort(advertiseFlag, '--advertise-addr', listen.port);
  } else if (listen.host !== '0.0.0.0' && listen.host !== '::') {
    advertise = listen;
  } else {
    const candidates = interfaceAddresses();
    if (candidates.length !== 1)
      throw new Error(
        candidates.length === 0
          ? '--advertise-addr: this host has no non-loopback IPv4 address; give one'
          : `--advertise-addr: could not choose an address to advertise, this host has several (${candidates.join(', ')}); give one`,
      );
    advertise = { host: candidates[0], port: listen.port };
  }
  if (!net.isIP(advertise.host) && !/^[a-z0-9.-]+$/i.test(advertise.host))
    throw new Error(`--advertise-addr: "${advertise.host}" is not an IP address or host name`);
  return {
    listen: formatHostPort(listen),
    advertise: formatHostPort(advertise),
    advertiseHost: advertise.host,
  };
}
