// Image references as docker reads them ("busybox", "10.213.1.1:5000/lab/app:1",
// "lab/app:1@sha256:..."). The grammar (when the first part is a registry host, lower
// case only, digest syntax) is distribution/reference's; @swimlane/docker-reference is a
// port of it, so names are accepted and rejected exactly as `docker` does.
import { parseFamiliarName } from '@swimlane/docker-reference';

export const DOCKER_HUB = 'docker.io';

export interface ImageRef {
  /** Registry host as written, "docker.io" when none was given. */
  domain: string;
  /** Repository path inside the registry ("library/busybox", "lab/app"). */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Parses an image reference; throws naming the reference when docker would reject it. */
export function parseImageRef(text: string): ImageRef {
  let ref;
  try {
    ref = parseFamiliarName(text.trim());
  } catch (err) {
    throw new Error(`image "${text}": ${(err as Error).message}`, { cause: err });
  }
  if (!ref.repository) throw new Error(`image "${text}": invalid reference format`);
  return {
    domain: ref.domain ?? DOCKER_HUB,
    repository: ref.repository,
    ...(ref.tag ? { tag: ref.tag } : {}),
    ...(ref.digest ? { digest: ref.digest } : {}),
  };
}

/** The short name docker prints: no "docker.io/", no "library/". */
export function familiarName(ref: ImageRef): string {
  if (ref.domain !== DOCKER_HUB) return `${ref.domain}/${ref.repository}`;
  return ref.repository.startsWith('library/') ? ref.repository.slice('library/'.length) : ref.repository;
}

/** docker's TagNameOnly: a reference with neither tag nor digest means ":latest". */
export function tagOf(ref: ImageRef): string | undefined {
  return ref.tag ?? (ref.digest ? undefined : 'latest');
}

/** "name:tag@digest", the form Swarm stores in a service spec once the tag is resolved. */
export function pinnedImage(ref: ImageRef, digest: string): string {
  const tag = tagOf(ref);
  return `${familiarName(ref)}${tag ? `:${tag}` : ''}@${digest}`;
}

/** What `service ls/ps` show: the image without its digest, as docker prints it. */
export function imageForDisplay(image: string): string {
  let ref: ImageRef;
  try {
    ref = parseImageRef(image);
  } catch {
    return image;
  }
  if (!ref.digest) return image;
  return ref.tag ? `${familiarName(ref)}:${ref.tag}` : `${familiarName(ref)}@${ref.digest}`;
}
