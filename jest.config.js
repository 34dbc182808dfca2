/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // PDF.js is ES modules only: rewritten to CommonJS for Jest (test/esm-transform.js).
    'node_modules/pdfjs-dist/.+\\.mjs$': '<rootDir>/test/esm-transform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!pdfjs-dist/)'],
  testTimeout: 30000,
};
