import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import prettier from 'eslint-config-prettier';

// Package boundaries (ARCHITECTURE.md): import other packages by name only,
// never through their src/.
const noDeepImports = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['@onething/*/src/*', '../../*/src/*', '../../../*/src/*'],
          message: 'Import another package by its name and public exports only.',
        },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '**/coverage/**',
      'designer/e2e/screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    // vue-tsc checks identifiers in components; ESLint's no-undef knows no browser globals.
    rules: { 'no-undef': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      ...noDeepImports,
    },
  },
  // forms runs in the browser and in Node: no node: imports.
  {
    files: ['forms/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'forms must run in the browser too.' },
            { group: ['@onething/*'], message: 'forms imports no other workspace package.' },
          ],
        },
      ],
    },
  },
  // engine and registries import no other workspace package.
  {
    files: ['engine/src/**/*.ts', 'registries/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@onething/*'], message: 'This package imports no other workspace package.' }],
        },
      ],
    },
  },
  prettier,
);
