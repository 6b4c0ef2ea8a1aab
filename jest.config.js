import { availableParallelism } from 'node:os';

/** Jest runs the TypeScript sources through ts-jest's ESM preset (see DESIGN.md: NODE_OPTIONS=--experimental-vm-modules). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }] },
  testTimeout: 60000,
  // At least two workers (jest's default, cores − 1, is one on a 2-core machine, where two finish the suite in about
  // two thirds of the time: the suites wait on the processes they start); the long suites first (test/sequencer.mjs).
  maxWorkers: Math.max(2, availableParallelism() - 1),
  testSequencer: '<rootDir>/test/sequencer.mjs',
  // One scratch folder per run as TMPDIR, removed at the end (test/global-setup.mjs).
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
};
