// Lint, including the layering rules of docs/architecture: the renderer never reaches Node or the
// Electron side, shared code reaches neither side, and the engine never imports Electron.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNode = nodeModules.map((name) => ({ name, message: 'The renderer and shared code run in a browser: no Node modules.' }));
const noElectronPackage = { name: 'electron', message: 'Only electron/main and electron/preload may import Electron.' };
const noElectronFolder = { group: ['**/electron/**', '**/electron'], message: 'Talk to the engine through window.parity / the shared API, not by importing electron/.' };
const noRenderer = { group: ['**/renderer/**', '**/renderer'], message: 'Node-side and shared code must not import the renderer.' };
const noNativeOrServer = { group: ['@duckdb/*', 'ws'], message: 'The engine and its transports live under electron/.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'scratch/**', 'test-results/**', 'playwright-report/**', '.parity-test/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [...noNode, noElectronPackage], patterns: [noElectronFolder, noNativeOrServer] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...noNode, noElectronPackage], patterns: [noElectronFolder, noRenderer, noNativeOrServer] }],
    },
  },
  {
    files: ['electron/engine/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts', 'electron/process/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectronPackage], patterns: [noRenderer] }],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noRenderer] }],
    },
  },
);
