import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers of DESIGN.md, enforced: shared/ is pure, renderer/ and main/ never import each other,
// and only the Electron shell may import electron.
const layer = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });
const node = { group: ['node:*', 'fs', 'path', 'os', 'http', 'child_process', 'better-sqlite3', 'ws'], message: 'shared/ and renderer/ run in the browser too: no Node modules.' };
const electron = { group: ['electron'], message: 'Only main/electron and main/preload may import electron; the backend runs in plain Node.' };

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', '.test-output/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  layer(['shared/**'], [node, electron, { group: ['react', 'react-dom', '@xyflow/*', 'zustand', '**/main/**', '**/renderer/**'], message: 'shared/ depends on nothing but zod.' }]),
  layer(['renderer/**'], [node, electron, { group: ['**/main/**'], message: 'The renderer reaches main only through the contract in shared/api.' }]),
  layer(['main/store/**', 'main/service/**', 'main/transport/**', 'main/cli/**', 'main/room/**', 'main/export/**', 'main/library/**'], [electron, { group: ['**/renderer/**', 'react'], message: 'main/ never imports the renderer.' }]),
  layer(['main/electron/**', 'main/preload/**'], [{ group: ['**/renderer/**', 'react'], message: 'main/ never imports the renderer.' }]),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
