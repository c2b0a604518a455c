// Three projects so CI and developers can run the fast pure tests alone
// (`npm run test:unit`) or everything. Integration tests share one lab per file
// and run serially: they drive real dockerd processes on a 2-core machine.
// isolatedModules: transpile each file alone (fast); type errors are tsc's job in lint/build.
const tsJest = ['ts-jest', { tsconfig: { isolatedModules: true }, diagnostics: false }];
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  setupFilesAfterEnv: ['<rootDir>/tests/support/fast-check-seed.ts'],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'sim', testMatch: ['<rootDir>/tests/sim/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      // Prints each lab host's shoald log tail when a test fails (CI shows only stdout/stderr).
      testEnvironment: '<rootDir>/tests/support/lab-environment.ts',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts', '<rootDir>/tests/chaos/**/*.test.ts'],
    },
  ],
};
