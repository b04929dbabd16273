// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-tools/**', 'node_modules/**', 'coverage/**', 'eslint.config.js'] },
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
    // What each folder of src/ may import (folders, packages, IO modules) is an
    // allowlist checked by tests/architecture/layering.test.ts. Lint keeps what
    // an import scan cannot see: the pure folders read neither the process nor
    // the clock.
    files: ['src/plan/**', 'src/render/**', 'src/model/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Pure modules do not read the process.' },
        { name: 'Date', message: 'Pure modules read no clock.' },
      ],
    },
  },
  {
    // The test runner and the bundler's config are plain JavaScript: linted without type information.
    files: ['tests/**/*.mjs', 'rolldown.config.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['tests/**', 'eslint.config.js', 'vitest.config.ts', 'rolldown.config.mjs'],
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
