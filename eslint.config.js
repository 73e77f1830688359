// @ts-check
/**
 * Lint rules, including the import layering of docs/architecture.md ("may import" column):
 * each runtime folder may import only the folders listed for it, so that a
 * renderer bug can never pull in Node or main-process code, and the core never
 * depends on either of the shells that host it.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** What main/ (both shells and the core) may never import. */
const mainForbidden = ['preload', 'renderer', 'backend', 'sandbox', 'test', 'bench'];

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'electron'];

/**
 * @param {string[]} forbiddenFolders folders of ours this layer may not import
 * @param {string[]} [extraPatterns] Node built-ins and packages the layer's runtime lacks
 * @param {string[]} [forbiddenModules] packages forbidden by exact name (a pattern would also match a folder of that name)
 */
function layer(forbiddenFolders, extraPatterns = [], forbiddenModules = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: forbiddenModules.map((name) => ({ name, message: `This layer runs without ${name}.` })),
        patterns: [
          ...forbiddenFolders.map((folder) => ({
            group: [`**/${folder}/*`, `**/${folder}`],
            message: `This layer may not import ${folder}/ (see docs/architecture.md, "may import").`,
          })),
          ...extraPatterns.map((name) => ({
            group: [name],
            message: 'Node built-ins and Electron are not available in this layer.',
          })),
        ],
      },
    ],
  };
}

/** Every way we know of to turn certificate checks off; each is an error wherever it appears. */
const tlsVerificationOffPatterns = [
  {
    selector: "Property[key.name='rejectUnauthorized'][value.value=false]",
    message: 'TLS verification is never switched off: trust the CA instead (docs/it-admin.md, "Corporate networks").',
  },
  {
    selector: "Property[key.value='rejectUnauthorized'][value.value=false]",
    message: 'TLS verification is never switched off: trust the CA instead.',
  },
  {
    selector: "Literal[value='NODE_TLS_REJECT_UNAUTHORIZED'], Identifier[name='NODE_TLS_REJECT_UNAUTHORIZED']",
    message: 'NODE_TLS_REJECT_UNAUTHORIZED is never set: trust the CA instead.',
  },
  {
    selector: "Property[key.name='checkServerIdentity'] > :matches(ArrowFunctionExpression, FunctionExpression)",
    message: 'Host name checks are never replaced: a custom checkServerIdentity can switch them off.',
  },
];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'out-backend/', 'dist/', '.tsbuild/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // TLS verification is never switched off, anywhere: a corporate root CA is added to the trusted
      // set instead (see docs/it-admin.md, "Corporate networks").
      'no-restricted-syntax': ['error', ...tlsVerificationOffPatterns],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['common/**'],
    rules: layer(['main', 'preload', 'renderer', 'backend', 'sandbox', 'test', 'bench'], nodeBuiltins),
  },
  { files: ['main/**'], rules: layer(mainForbidden) },
  // The core runs in plain Node under either shell: it imports neither shell, nor Electron (`**/electron` matches both).
  { files: ['main/core/**'], rules: layer([...mainForbidden, 'electron', 'browser-shell']) },
  { files: ['main/electron/**'], rules: layer([...mainForbidden, 'browser-shell']) },
  // The browser shell runs where Electron cannot; from main/electron/ it takes only Electron-free modules (the CSP).
  { files: ['main/browser-shell/**'], rules: layer(mainForbidden, [], ['electron']) },
  { files: ['preload/**'], rules: layer(['main', 'renderer', 'backend', 'sandbox', 'test', 'bench']) },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(['main', 'preload', 'backend', 'sandbox', 'test', 'bench'], nodeBuiltins),
    },
  },
  { files: ['backend/**'], rules: layer(['main', 'preload', 'renderer', 'sandbox', 'test', 'bench']) },
  { files: ['sandbox/**'], rules: layer(['main', 'preload', 'renderer', 'backend', 'test', 'bench']) },
);
