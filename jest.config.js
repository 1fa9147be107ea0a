// Two projects: `unit` (pure logic, mocks at the SDK and process boundary) and `e2e`
// (the bundled dist/ run as the runner runs it, against the local ECR stack).
const tsJest = {
  '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
}
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  transform: tsJest,
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' }
}
export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'] }
  ],
  verbose: false,
  // `npm run test:unit` runs with --coverage: a summary of how much of src/ the unit tests run.
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary']
}
