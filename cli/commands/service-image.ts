// The image part of `service create/update`, as docker's CLI does it: the tag is resolved
// to its manifest digest at the registry and the spec stores "name:tag@sha256:..."
// (so every node runs the same bytes, and a node that has them skips the pull);
// --with-registry-auth sends the user's credentials for that registry with the spec.
import { Command, InvalidArgumentError } from 'commander';
import type { ContainerSpec } from '../../proto/gen/shoal/api/ContainerSpec';
import { RegistryClient, type BasicCredentials } from '../registry/client';
import { credentialsFor, encodeRegistryAuth, type RegistryCredentials } from '../registry/docker-config';
import { type ImageRef, parseImageRef, pinnedImage } from '../registry/reference';

export type ResolveMode = 'always' | 'changed' | 'never';
const MODES: ResolveMode[] = ['always', 'changed', 'never'];

export interface ImageFlags {
  /** --resolve-image MODE, or false from --no-resolve-image. */
  resolveImage?: string | false;
  withRegistryAuth?: boolean;
}

export interface ImageDeps {
  resolve?: (ref: ImageRef, credentials?: BasicCredentials) => Promise<string>;
  credentials?: (registry: string) => RegistryCredentials | undefined;
  warn?: (text: string) => void;
}

const defaultDeps: Required<ImageDeps> = {
  resolve: (ref, credentials) => new RegistryClient({ credentials }).resolveDigest(ref),
  credentials: (registry) => credentialsFor(registry),
  warn: (text) => process.stderr.write(`${text}\n`),
};

export function addImageOptions(cmd: Command): Command {
  return cmd
    .option(
      '--resolve-image <mode>',
      'pin the image to its digest at the registry: always, changed or never (default always)',
    )
    .option('--no-resolve-image', 'do not ask the registry for the digest (--resolve-image never)')
    .option(
      '--with-registry-auth',
      'send registry credentials (~/.docker/config.json) to the nodes that run the tasks',
    );
}

export function resolveModeOf(flags: ImageFlags): ResolveMode {
  if (flags.resolveImage === false) return 'never';
  if (flags.resolveImage === undefined) return 'always';
  if (!MODES.includes(flags.resolveImage as ResolveMode))
    throw new InvalidArgumentError(
      `--resolve-image: must be always, changed or never, got "${flags.resolveImage}"`,
    );
  return flags.resolveImage as ResolveMode;
}

/** docker's warning, when the tag stays unpinned because the registry could not be asked. */
export const unresolvedWarning = (image: string, why: string): string =>
  `image ${image} could not be accessed on a registry to record\n` +
  `its digest (${why}). Each node will access ${image} independently,\n` +
  `possibly leading to different nodes running different\nversions of the image.`;

/** The fields of the container spec this part decides: the (pinned) image, the credentials. */
export type ImageChange = Pick<ContainerSpec, 'image' | 'pullOptions'>;

async function settle(
  flag: string,
  image: string,
  resolve: boolean,
  withAuth: boolean,
  deps: ImageDeps,
): Promise<ImageChange> {
  const d = { ...defaultDeps, ...deps };
  let ref: ImageRef;
  try {
    ref = parseImageRef(image);
  } catch (err) {
    throw new InvalidArgumentError(`${flag}: ${(err as Error).message}`);
  }
  let credentials: RegistryCredentials | undefined;
  if (withAuth) {
    try {
      credentials = d.credentials(ref.domain);
    } catch (err) {
      throw new InvalidArgumentError(`--with-registry-auth: ${(err as Error).message}`);
    }
  }
  const change: ImageChange = { image };
  if (resolve && !ref.digest) {
    try {
      change.image = pinnedImage(ref, await d.resolve(ref, credentials));
    } catch (err) {
      d.warn(unresolvedWarning(image, (err as Error).message));
    }
  }
  // Without the flag nothing is sent; docker too sends credentials only when asked.
  if (withAuth) change.pullOptions = { registryAuth: credentials ? encodeRegistryAuth(credentials) : '' };
  return change;
}

/** `service create IMAGE`: resolved unless --resolve-image never / --no-resolve-image. */
export function imageForCreate(image: string, flags: ImageFlags, deps: ImageDeps = {}): Promise<ImageChange> {
  const mode = resolveModeOf(flags);
  return settle('image', image, mode !== 'never', !!flags.withRegistryAuth, deps);
}

/**
 * `service update`: with --image the new image is resolved (unless never), as docker's
 * CLI asks the registry only when --image is given; otherwise the image is left as it
 * is, so an unrelated update never starts a rollout by pinning. An explicit
 * `--resolve-image always` pins a current image that is not pinned yet. An image that
 * carries a digest is never asked about again. Returns only what changes.
 */
export async function imageForUpdate(
  current: string,
  flags: ImageFlags & { image?: string },
  deps: ImageDeps = {},
): Promise<Partial<ImageChange>> {
  const mode = resolveModeOf(flags);
  const withAuth = !!flags.withRegistryAuth;
  if (flags.image !== undefined) return settle('--image', flags.image, mode !== 'never', withAuth, deps);
  const repin = flags.resolveImage === 'always';
  if (!repin && !withAuth) return {};
  const change = await settle('image', current, repin, withAuth, deps);
  if (change.image !== current) return change;
  const { pullOptions } = change;
  return pullOptions ? { pullOptions } : {};
}
