// Image references read as docker reads them, and the pinned/displayed forms.
import { familiarName, imageForDisplay, parseImageRef, pinnedImage } from '../../../cli/registry/reference';

const DIGEST = `sha256:${'a'.repeat(64)}`;

test('a registry host with a port, a path and a tag', () => {
  expect(parseImageRef('10.213.1.1:5000/lab/app:1')).toEqual({
    domain: '10.213.1.1:5000',
    repository: 'lab/app',
    tag: '1',
  });
});

test('a short name is a Docker Hub library image', () => {
  const ref = parseImageRef('busybox');
  expect(ref).toEqual({ domain: 'docker.io', repository: 'library/busybox' });
  expect(familiarName(ref)).toBe('busybox');
});

test('tag and digest together, and a digest alone', () => {
  expect(parseImageRef(`localhost:5000/a/b:2@${DIGEST}`)).toMatchObject({ tag: '2', digest: DIGEST });
  expect(parseImageRef(`lab/app@${DIGEST}`)).toEqual({
    domain: 'docker.io',
    repository: 'lab/app',
    digest: DIGEST,
  });
});

test.each([['UPPER/case'], ['a:b:c'], [''], ['x@sha256:short']])('"%s" is rejected, naming it', (text) => {
  expect(() => parseImageRef(text)).toThrow(`image "${text}"`);
});

test('pinning keeps the name as written and adds :latest when there was no tag, as docker', () => {
  expect(pinnedImage(parseImageRef('busybox'), DIGEST)).toBe(`busybox:latest@${DIGEST}`);
  expect(pinnedImage(parseImageRef('10.213.1.1:5000/lab/app:1'), DIGEST)).toBe(
    `10.213.1.1:5000/lab/app:1@${DIGEST}`,
  );
});

test('the IMAGE column drops the digest of a tagged image, keeps it when there is no tag', () => {
  expect(imageForDisplay(`10.213.1.1:5000/lab/app:1@${DIGEST}`)).toBe('10.213.1.1:5000/lab/app:1');
  expect(imageForDisplay(`lab/app@${DIGEST}`)).toBe(`lab/app@${DIGEST}`);
  expect(imageForDisplay('busybox:1')).toBe('busybox:1');
  expect(imageForDisplay('Not A Ref')).toBe('Not A Ref');
});
