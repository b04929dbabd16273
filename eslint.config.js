// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Modules that do IO or parse argv: the pure core must not import them. */
const ioModules = [
  'axios',
  'commander',
  'node:fs',
  'node:fs/promises',
  'fs',
  'fs/promises',
  'node:http',
  'node:https',
  'node:net',
  'node:child_process',
  'node:process',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['src/plan/**', 'src/render/**', 'src/model/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({
            name,
            message: 'The planner, renderers and model are pure: no IO.',
          })),
          patterns: [
            {
              group: [
                '**/api/**',
                '**/cli/**',
                '**/state/**',
                '**/apply/**',
                '**/emulator/**',
                '**/config/**',
              ],
              message: 'Pure modules import only src/model (and each other within their folder).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Pure modules do not read the process.' },
        { name: 'Date', message: 'Pure modules read no clock.' },
      ],
    },
  },
  {
    files: ['src/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/model/**', '**/plan/**', '**/render/**', '**/apply/**', '**/state/**', '**/cli/**'],
              message: 'src/api knows nothing about the domain.',
            },
          ],
        },
      ],
    },
  },
  {
    // Build scripts are plain JavaScript that only call into dist/: linted without type information.
    files: ['scripts/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['tests/**', 'eslint.config.js', 'vitest.config.ts'],
    rules: {
      'no-restricted-syntax': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
