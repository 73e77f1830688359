// @ts-check
/**
 * Lint rules, including the import layering of DESIGN.md ("may import" column):
 * each runtime folder may import only the folders listed for it, so that a
 * renderer bug can never pull in Node or main-process code.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'electron'];

/** @param {string[]} forbiddenFolders @param {string[]} [extraPatterns] */
function layer(forbiddenFolders, extraPatterns = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbiddenFolders.map((folder) => ({
            group: [`**/${folder}/*`, `**/${folder}`],
            message: `This layer may not import ${folder}/ (see DESIGN.md, "may import").`,
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
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['common/**'], rules: layer(['main', 'preload', 'renderer', 'backend', 'sandbox', 'test', 'bench'], nodeBuiltins) },
  { files: ['main/**'], rules: layer(['preload', 'renderer', 'backend', 'sandbox', 'test', 'bench']) },
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
