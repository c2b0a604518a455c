// The signing CA on a manager, loaded from the cluster object (root certificate plus the
// CA key sealed with the data key). A manager that joined receives the cluster object
// with its raft snapshot, after it started; until then the CA answers UNAVAILABLE.
import * as grpc from '@grpc/grpc-js';
import { CertificateAuthority, statusError } from './ca';
import { KeyRing, MemoryStore, openCAKey } from './store';
import type { Logger } from './context';

export class CaHolder {
  private authority: CertificateAuthority | undefined;
  private loadedFor = '';
  private loading: Promise<void> | undefined;

  constructor(
    private readonly local: MemoryStore,
    private readonly clusterId: string,
    private readonly keyring: KeyRing,
    private readonly logger: Logger,
  ) {}

  /** Loads (or reloads after a root change) the CA from the store. */
  async refresh(): Promise<void> {
    const cluster = this.local.get('clusters', this.clusterId);
    const pem = cluster?.rootCa?.caCertPem;
    if (!cluster || !pem || pem === this.loadedFor) return;
    this.loading ??= CertificateAuthority.load(pem, openCAKey(this.keyring, cluster))
      .then((ca) => {
        this.authority = ca;
        this.loadedFor = pem;
      })
      .catch((err: Error) => this.logger.error('cannot load the cluster CA', { error: err }))
      .finally(() => (this.loading = undefined));
    await this.loading;
  }

  get loaded(): boolean {
    return this.authority !== undefined;
  }

  get(): CertificateAuthority {
    if (!this.authority) {
      void this.refresh();
      throw statusError(grpc.status.UNAVAILABLE, 'this manager has not loaded the cluster CA yet; retry');
    }
    return this.authority;
  }
}
