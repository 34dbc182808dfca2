import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import * as espree from 'espree';
import layers from './eslint/layers.mjs';

export default tseslint.config(
  { ignores: ['lib/**', 'dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Imports run one way: core ← excel ← readers ← layout ← render ← office ← doors.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layers },
    rules: { 'layers/one-way': 'error' },
  },
  {
    // The core is pure: no Office, DOM, Node or file I/O, and no clock.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'os',
                'child_process',
                'util',
                'url',
                'stream',
                'buffer',
              ],
              message: 'src/core must not use Node APIs.',
            },
            {
              group: [
                'react',
                'react-dom',
                '@fluentui/*',
                '@microsoft/office-js',
                'exceljs',
                '**/taskpane/**',
                '**/cli/**',
                '**/office/**',
              ],
              message: 'src/core must not import UI, Office or adapters.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'Office',
        'Excel',
        'process',
        'require',
        'navigator',
        'localStorage',
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The core takes the report date as a parameter.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The core takes the report date as a parameter.',
        },
      ],
    },
  },
  {
    // Excel's own rules (dates, number formats, A1 references, formulas): pure, shared by the
    // readers, the layout, both renderers and the Office.js door; depends on the core only.
    files: ['src/excel/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'os',
                'child_process',
                'util',
                'url',
                'stream',
                'buffer',
              ],
              message: 'src/excel must not use Node APIs.',
            },
            {
              group: [
                'exceljs',
                '**/layout/**',
                '**/render/**',
                '**/readers/**',
                '**/office/**',
                '**/taskpane/**',
                '**/cli/**',
              ],
              message: 'src/excel depends on src/core only.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'Office',
        'Excel',
        'process',
        'require',
      ],
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}', 'bin/**', 'scripts/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The pane pages' first scripts also run in Internet Explorer 11 and the old Edge: parsed as
    // ES5 (a newer syntax is an error here), in the browser.
    files: ['src/taskpane/old-host.js', 'src/taskpane/office-host.js'],
    languageOptions: {
      parser: espree,
      ecmaVersion: 5,
      sourceType: 'script',
      globals: { ...globals.browser },
    },
    // ES5 has no catch without a binding.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
);
