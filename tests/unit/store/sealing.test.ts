import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  KeyRing,
  generateDataKey,
  loadOrCreateDataKeyFile,
  decodeDataKey,
  encodeDataKey,
  MemoryStore,
  openCAKey,
  openSecret,
  sealCAKey,
  associatedData,
  encodeTransaction,
} from '../../../manager/store';
import { replicatedStores } from './helpers';

const PLAINTEXT = 'hunter2-super-secret-password';

describe('secret sealing', () => {
  it('secret data is absent from the log entries and the snapshot, and opens with the key', async () => {
    const { stores, replicas, log, keyring } = replicatedStores(2);
    const id = await stores[0].update(
      (tx) =>
        tx.secrets.create({ spec: { annotations: { name: 'db-pw' }, data: Buffer.from(PLAINTEXT) } }).id,
    );
    const haystacks = [...log, replicas[0].snapshot(), replicas[1].snapshot()].map((b) => Buffer.from(b));
    for (const h of haystacks) {
      expect(h.includes(PLAINTEXT)).toBe(false);
      expect(h.includes(Buffer.from(PLAINTEXT).toString('base64'))).toBe(false);
    }
    const stored = replicas[1].get('secrets', id)!;
    expect(stored.spec!.data.length).toBe(0);
    expect(stored.sealedData).toMatch(/^v1\./);
    expect(openSecret(keyring, stored).toString()).toBe(PLAINTEXT);
    expect(stores[1].openSecret(stored).toString()).toBe(PLAINTEXT);
    // Replicas agree byte for byte (the nonce was chosen once, by the proposer).
    expect(Buffer.from(replicas[0].snapshot()).equals(Buffer.from(replicas[1].snapshot()))).toBe(true);
  });

  it('apply refuses plaintext secret data proposed by a careless or old manager', () => {
    const store = new MemoryStore();
    const r = store.apply(
      encodeTransaction({
        v: 1,
        ts: 1,
        actions: [
          {
            op: 'create',
            table: 'secrets',
            object: {
              id: 's1',
              spec: { annotations: { name: 'x' }, data: Buffer.from(PLAINTEXT) },
              sealedData: '',
            },
          },
        ],
      }),
    );
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringMatching(/holds plaintext/) },
    });
  });

  it('secret data cannot be changed by an update, and no key means no secrets', async () => {
    const { stores } = replicatedStores(1);
    const id = await stores[0].update(
      (tx) => tx.secrets.create({ spec: { annotations: { name: 's' }, data: Buffer.from('a') } }).id,
    );
    await expect(
      stores[0].update((tx) => {
        const s = tx.secrets.get(id)!;
        s.spec!.data = Buffer.from('b');
        tx.secrets.update(s);
      }),
    ).rejects.toThrow(/spec.data cannot be updated/);

    const { ProposingStore } = await import('../../../manager/store');
    const keyless = new ProposingStore(new MemoryStore(), async () => ({ ok: true, version: 1, events: [] }));
    await expect(
      keyless.update((tx) =>
        tx.secrets.create({ spec: { annotations: { name: 's' }, data: Buffer.from('a') } }),
      ),
    ).rejects.toThrow(/no data-encryption key/);
  });

  it('sealed data is bound to its object and key; old keys still open after rotation', () => {
    const k1 = generateDataKey();
    const ring = new KeyRing(k1);
    const sealed = ring.seal(Buffer.from('x'), associatedData('secrets', 'a'));
    expect(() => ring.open(sealed, associatedData('secrets', 'b'))).toThrow(/authentication failed/);
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => ring.open(tampered, associatedData('secrets', 'a'))).toThrow(/authentication failed/);
    expect(() => new KeyRing(generateDataKey()).open(sealed, associatedData('secrets', 'a'))).toThrow(
      /not known/,
    );

    ring.rotate(generateDataKey());
    expect(ring.open(sealed, associatedData('secrets', 'a')).toString()).toBe('x');
    expect(ring.seal(Buffer.from('y'), 'aad').split('.')[1]).not.toBe(k1.id);
  });

  it('the CA key is sealed to its cluster', () => {
    const ring = new KeyRing(generateDataKey());
    const sealedCaKey = sealCAKey(ring, 'c1', 'PEM');
    expect(openCAKey(ring, { id: 'c1', rootCa: { sealedCaKey } } as never)).toBe('PEM');
    expect(() => openCAKey(ring, { id: 'c2', rootCa: { sealedCaKey } } as never)).toThrow(
      /authentication failed/,
    );
  });

  it('the key file is created once with mode 0600 and read back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoal-dek-'));
    try {
      const file = path.join(dir, 'dek');
      const k = loadOrCreateDataKeyFile(file);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(loadOrCreateDataKeyFile(file)).toEqual(k);
      expect(decodeDataKey(encodeDataKey(k))).toEqual(k);
      fs.writeFileSync(file, 'abc:AAAA');
      expect(() => loadOrCreateDataKeyFile(file)).toThrow(/must be 32 bytes/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
