// ESLint flat config. Besides the usual TypeScript and React-hooks rules, it enforces the
// layering of ../shared/ARCHITECTURE.md: the engine, the measures and the model know nothing of
// React, React Flow, zustand, d3 or the page, and the stores know nothing of the UI above them.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Libraries of the UI layers. */
const uiLibraries = [
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'React belongs to the UI folders (editor, panels, app).' },
  { group: ['@xyflow/*', 'reactflow'], message: 'React Flow belongs to src/editor.' },
  { group: ['zustand', 'zustand/*', 'zundo'], message: 'State stores belong to src/store.' },
  { group: ['d3', 'd3-*'], message: 'd3 belongs to src/panels.' },
];

/** Relative imports of a folder, however deep the importing file is. */
const folder = (name) => [`**/${name}`, `**/${name}/**`];

const uiFolders = {
  group: [...folder('store'), ...folder('editor'), ...folder('panels'), ...folder('app')],
  message: 'The engine, measures and model are pure: they may not import the stores or the UI.',
};

const uiGlobals = ['window', 'document', 'localStorage', 'sessionStorage'].map((name) => ({
  name,
  message: 'The engine, measures and model run in workers and Node too: no page globals.',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'reports/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // New in ESLint 10's recommended set; numeric kernels initialise loop state that a later
      // branch overwrites, and the worker rethrows plain Errors on purpose (they cross Comlink).
      // Shown, not failing.
      'no-useless-assignment': 'warn',
      'preserve-caught-error': 'warn',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['src/model/**', 'src/kinds/**', 'src/engine/**', 'src/measures/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...uiLibraries, uiFolders] }],
    },
  },
  {
    // The document model is the bottom layer: it names no kind and no engine piece (the kinds
    // reach it through model/kind-lookup.ts, filled by src/kinds/registry.ts).
    files: ['src/model/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...uiLibraries, uiFolders, { group: [...folder('engine'), ...folder('kinds')], message: 'The document model imports no kind, builder or engine module: ask model/kind-lookup.ts.' }] }],
    },
  },
  {
    // A kind's schema (and its phase plane) is model-side: it may import the model, never a
    // builder or the engine.
    files: ['src/kinds/*/schema.ts', 'src/kinds/*/phase-plane.ts', 'src/kinds/shared/checks.ts', 'src/kinds/shared/plane.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...uiLibraries, uiFolders, { group: [...folder('engine'), '**/builder.ts', '**/registry.ts'], message: 'A kind schema imports only the model: no builder, registry or engine module.' }] }],
    },
  },
  {
    files: ['src/model/**', 'src/kinds/**', 'src/engine/**', 'src/measures/**'],
    rules: { 'no-restricted-globals': ['error', ...uiGlobals] },
  },
  {
    // Engines' Math.exp/log/sin/… differ in the last bit between Node and browsers; the engine
    // uses its own deterministic versions so a seed gives bit-identical traces everywhere.
    files: ['src/engine/**', 'src/kinds/**'],
    // phase-plane models are drawing math for the phase portrait, never part of a run
    ignores: ['**/*.test.ts', 'src/kinds/*/phase-plane.ts', 'src/kinds/shared/plane.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sin', 'cos', 'tan', 'tanh', 'sinh', 'cosh', 'asin', 'acos', 'atan', 'atan2', 'pow', 'cbrt'].map(
          (property) => ({
            object: 'Math',
            property,
            message: 'Use src/engine/math/detmath.ts: platform Math functions differ between Node and browsers, breaking bit-identical runs.',
          }),
        ),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression[operator='**'], AssignmentExpression[operator='**=']",
          message: 'x ** y calls the platform pow (differs between engines); multiply, or use powPositive from src/engine/math/detmath.ts.',
        },
      ],
    },
  },
  {
    // The classroom server runs in Node: it may use the model, never the app's stores or UI.
    files: ['server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...uiLibraries, uiFolders, { group: [...folder('engine'), ...folder('measures')], message: 'The classroom server checks documents with src/model only.' }] },
      ],
    },
  },
  {
    files: ['src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...folder('editor'), ...folder('panels'), ...folder('app')], message: 'Stores may not import the UI above them.' },
            { group: ['react-dom', 'react-dom/*', '@xyflow/*', 'd3', 'd3-*'], message: 'Stores hold state; rendering belongs to the UI folders.' },
          ],
        },
      ],
    },
  },
);
