// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.nx/**', 'coverage/**', 'libs/server/src/database/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // No consistent-type-imports: Nest's dependency injection needs constructor parameter types imported as values.
      // Only the config module reads the environment; scripts and tests set it up.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through @jalon/server/config.' }],
    },
  },
  {
    files: ['scripts/**', 'prisma/**', 'test/**', '**/test/**', 'libs/server/src/config/load-config.ts', '*.config.*', 'jest.config.cjs'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The web app: React hooks rules; it reads no environment (Vite inlines import.meta.env at build).
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
