// Registry credentials from the user's docker client config (~/.docker/config.json, or
// $DOCKER_CONFIG/config.json), as `docker login` leaves them. Only inline `auth`
// entries are read: credentials kept by a credential helper (credsStore/credHelpers)
// would need running that helper, which shoal does not do; that case says so instead of
// silently sending nothing.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DOCKER_HUB } from './reference';

export interface RegistryCredentials {
  username: string;
  password: string;
  /** The registry they are for, as docker's X-Registry-Auth names it. */
  serveraddress: string;
}

// `docker login` without a server stores Docker Hub's credentials under this key.
const HUB_CONFIG_KEY = 'https://index.docker.io/v1/';

interface ConfigFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.DOCKER_CONFIG || path.join(os.homedir(), '.docker');
  return path.join(dir, 'config.json');
}

/** docker's ConvertToHostname: "https://host:5000/v1/" -> "host:5000". */
function hostOfKey(key: string): string {
  return key.replace(/^https?:\/\//, '').split('/')[0];
}

const isHub = (host: string): boolean =>
  host === DOCKER_HUB || host === 'index.docker.io' || host === 'registry-1.docker.io';

/**
 * The credentials stored for `registry` (a host[:port], "docker.io" for Docker Hub), or
 * undefined when the file has none for it. Throws, naming the file, when it cannot be
 * read as JSON or the credentials live in a helper.
 */
export function credentialsFor(
  registry: string,
  file: string = dockerConfigPath(),
): RegistryCredentials | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${file}: ${(err as Error).message}`, { cause: err });
  }
  let config: ConfigFile;
  try {
    config = JSON.parse(text) as ConfigFile;
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
  const hub = isHub(registry);
  const serveraddress = hub ? HUB_CONFIG_KEY : registry;
  const entry = Object.entries(config.auths ?? {}).find(([key]) =>
    hub ? key === HUB_CONFIG_KEY || isHub(hostOfKey(key)) : hostOfKey(key) === registry,
  )?.[1];
  if (entry?.auth) {
    const plain = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = plain.indexOf(':');
    if (colon <= 0) throw new Error(`${file}: auths["${registry}"].auth is not base64 of "user:password"`);
    return { username: plain.slice(0, colon), password: plain.slice(colon + 1), serveraddress };
  }
  if (entry?.username && entry.password)
    return { username: entry.username, password: entry.password, serveraddress };
  if (entry?.identitytoken)
    throw new Error(
      `${file}: the credentials for ${registry} are an identity token, which shoal cannot send yet; log in with a password`,
    );
  const helper =
    Object.entries(config.credHelpers ?? {}).find(([key]) => hostOfKey(key) === registry)?.[1] ??
    config.credsStore;
  if (helper)
    throw new Error(
      `${file}: the credentials for ${registry} are kept by the credential helper "docker-credential-${helper}", which shoal does not support; store them inline (an auths entry with "auth") to use --with-registry-auth`,
    );
  return undefined;
}

/**
 * docker's X-Registry-Auth encoding, the form that travels in a task: the JSON in base64
 * with the URL alphabet and with padding (Go's base64.URLEncoding, which dockerd decodes).
 */
export function encodeRegistryAuth(c: RegistryCredentials): string {
  return Buffer.from(JSON.stringify(c)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}
