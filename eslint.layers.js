// Layer rules for the whole workspace (issue 20): no import circles, and each package reaches the
// others only through their public entries. core is the bottom layer (it imports neither elements nor
// server-kit); elements and server-kit use `@mediabay/core` and `@mediabay/core/protocol` only; inside
// core, the feature folders never import the wiring (`client.ts`, `index.ts`).
const TS = ['**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs'];

/** another package reached by a path instead of its public entries (package.json "exports", which
 * TypeScript already holds `@mediabay/<name>/...` imports to) */
const packageInternals = [
  {
    group: [
      '@mediabay/*/src/*',
      '@mediabay/*/dist/*',
      '**/core/src/**',
      '**/core/dist/**',
      '**/elements/src/**',
      '**/elements/dist/**',
    ],
    message:
      'Import another package by its public entries only (@mediabay/core, @mediabay/core/protocol, ...).',
  },
];

/** import-x's TypeScript parser settings, with our resolver in place of its legacy one */
function typescriptSettings(importX) {
  const { 'import-x/resolver': _legacy, ...settings } = importX.flatConfigs.typescript.settings;
  return settings;
}

export function layerRules({ importX, createTypeScriptImportResolver }) {
  return [
    {
      files: TS,
      plugins: { 'import-x': importX },
      settings: {
        ...typescriptSettings(importX),
        'import-x/resolver-next': [
          createTypeScriptImportResolver({ alwaysTryTypes: true, noWarnOnMultipleProjects: true }),
        ],
      },
      rules: {
        'import-x/no-cycle': ['error', { ignoreExternal: true }],
        'import-x/no-self-import': 'error',
        'no-restricted-imports': ['error', { patterns: packageInternals }],
      },
    },
    {
      files: ['packages/core/src/**/*.ts'],
      ignores: ['packages/core/src/**/*.test.ts', 'packages/core/src/test-support/**'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...packageInternals,
              {
                group: [
                  '@mediabay/elements',
                  '@mediabay/elements/*',
                  '@mediabay/server-kit',
                  '@mediabay/server-kit/*',
                ],
                message: 'core is the bottom layer: it imports no other Mediabay package.',
              },
              {
                group: ['**/elements/**', '**/server-kit/**'],
                message: 'core is the bottom layer: it imports no other Mediabay package.',
              },
            ],
          },
        ],
        'import-x/no-restricted-paths': [
          'error',
          {
            zones: [
              {
                target: './packages/core/src/{uploads,library,live,tabs,transports}/**',
                from: ['./packages/core/src/client.ts', './packages/core/src/index.ts'],
                message: 'A feature folder does not import the wiring; client.ts imports it.',
              },
            ],
          },
        ],
      },
    },
    {
      files: ['packages/elements/src/**/*.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...packageInternals,
              {
                group: ['@mediabay/server-kit', '@mediabay/server-kit/*', '**/server-kit/**'],
                message: 'elements talk to the server through @mediabay/core.',
              },
            ],
          },
        ],
      },
    },
  ];
}
