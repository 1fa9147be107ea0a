// Lint: ESLint's recommended rules and typescript-eslint's, for the action's code and tests;
// for src/, the layers (scripts/eslint-layers.js: each folder imports only from lower layers)
// and files of at most 300 lines, counted as `wc -l` counts them (blank lines and comments too).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import layers from './scripts/eslint-layers.js'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `const { dropped: _, ...rest } = x` keeps the rest; `_`-names are meant to be unused.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/**/*.ts'],
    plugins: { local: { rules: { layers } } },
    rules: {
      'local/layers': 'error',
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }]
    }
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', fetch: 'readonly', setTimeout: 'readonly', performance: 'readonly' }
    }
  }
)
