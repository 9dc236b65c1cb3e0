// Import circles, type-only imports included (issue 20): `pnpm run lint` runs this after eslint.
// eslint's import-x/no-cycle sees only imports that stay in the JavaScript; a circle of types still
// ties two modules together, so this one counts `import type` too.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other in a circle: move the shared part to a leaf module both import.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|storybook-static|\\.tmp)/' },
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};
