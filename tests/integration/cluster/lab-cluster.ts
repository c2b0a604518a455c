// Moved to tests/support/lab-cluster.ts; kept so imports of the old path keep working.
export * from '../../support/lab-cluster';
