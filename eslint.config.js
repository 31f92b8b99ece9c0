// ESLint flat config. Besides the usual TypeScript and React-hooks rules, it enforces the
// layers of the program (README, "Layers"): every folder of src/ imports only the folders below
// it, the UI folders take only types from the engine and the measures (their work runs in
// workers), and the engine, the measures and the model know nothing of React, React Flow,
// zustand, d3 or the page. Runtime import cycles are caught by test/architecture.test.ts.
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
const renderingLibraries = { group: ['react-dom', 'react-dom/*', '@xyflow/*', 'd3', 'd3-*'], message: 'Stores hold state; rendering belongs to the UI folders.' };

/** Relative imports of a folder, however deep the importing file is (the classroom server's rule). */
const folder = (name) => [`**/${name}`, `**/${name}/**`];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A regular expression for the imports of `folders` of src/ from a file `depth` folders below
 * src/ (an import of `export/x.ts` one folder up from src/app/Toolbar.tsx is src/app/export/x.ts,
 * not src/export),
 * leaving out the modules `except` (paths from src/).
 */
const folderRegex = (depth, folders, except = []) => {
  const skip = except.map((e) => `(?!${escape(e)}$)`).join('');
  return `^${escape(`..${'/'}`.repeat(depth))}${skip}(${folders.map(escape).join('|')})(/.*)?$`;
};
/** How deep the files of src/ go (src/a/b/c/file.ts is 3). */
const DEPTHS = [1, 2, 3, 4, 5];

/**
 * The layers of src/, bottom to top: what each folder may import (`may`), and what it may import
 * types from only (`types`, e.g. the UI folders and the engine's protocol); `except` lists
 * modules of a types-only folder it may import values from. Any other folder of src/ is out of
 * bounds: above it, or beside it.
 */
const LAYERS = {
  common: { may: [] },
  // Shared widgets (menu button, splitter, icons): React and the DOM only; they get what they
  // show and do as props, so editor, panels and app can all use them.
  ui: { may: [] },
  model: { may: ['common'] },
  measures: { may: ['common'] },
  // The engine knows no kind: it names the params types of the kinds' schemas (types only), and
  // finds builders through engine/compile/builder-lookup.ts, which src/kinds/registry.ts fills.
  engine: {
    may: ['common', 'model', 'measures'],
    types: ['kinds'],
    why: 'the kinds sit above the engine: it may import only their params types (builders come through engine/compile/builder-lookup.ts, filled by the entry that imports src/kinds/registry.ts)',
  },
  // A kind's schema sits on the model, its builder on the engine's pieces (src/kinds/README.md).
  kinds: { may: ['common', 'model', 'engine'] },
  export: { may: ['common', 'model', 'measures', 'kinds', 'engine'] },
  cli: { may: ['common', 'model', 'measures', 'kinds', 'engine', 'export'] },
  // The stores reach the engine through its worker client only.
  store: { may: ['common', 'model'], types: ['engine', 'measures', 'export'], except: ['engine/worker/client.ts', 'engine/worker/analysis-client.ts'] },
  editor: { may: ['common', 'model', 'store', 'ui'], types: ['engine', 'measures', 'export'] },
  panels: { may: ['common', 'model', 'store', 'ui'], types: ['engine', 'measures', 'export'] },
  // The export menu talks to the export worker through its client (a worker of its own).
  app: { may: ['common', 'model', 'store', 'ui', 'editor', 'panels'], types: ['engine', 'measures', 'export'], except: ['export/worker/client.ts'] },
};
const FOLDERS = [...Object.keys(LAYERS), 'test-support'];
const PURE = new Set(['common', 'model', 'measures', 'kinds', 'engine', 'export', 'cli']);

/** The import rule of one layer, for its files `depth` folders below src/. */
function layerRule(name, depth, { except: moreExcept = [] } = {}) {
  const { may, types = [], why } = LAYERS[name];
  const except = [...(LAYERS[name].except ?? []), ...moreExcept];
  const out = FOLDERS.filter((f) => f !== name && !may.includes(f) && !types.includes(f));
  const patterns = [];
  if (out.length > 0) patterns.push({ regex: folderRegex(depth, out), message: `src/${name} may import only ${[...may, ...types.map((t) => `types of ${t}`)].join(', ') || 'nothing of src'} (layers: README, "Layers").` });
  if (types.length > 0) {
    patterns.push({
      regex: folderRegex(depth, types, except),
      allowTypeImports: true,
      message: why
        ? `src/${name}: ${why}.`
        : `src/${name} runs on the page's thread: it may import only types from ${types.join(', ')} (their work runs in the workers; ask the worker client).`,
    });
  }
  if (PURE.has(name)) patterns.push(...uiLibraries);
  if (name === 'store') patterns.push(renderingLibraries);
  if (name === 'ui') patterns.push({ group: ['zustand', 'zustand/*', 'zundo', '@xyflow/*', 'd3', 'd3-*'], message: 'src/ui widgets use React and the DOM only.' });
  return ['error', { patterns }];
}

/** A rule with more patterns. */
function withPatterns([level, options], ...patterns) {
  return [level, { ...options, patterns: [...options.patterns, ...patterns] }];
}

const layerConfigs = Object.keys(LAYERS).flatMap((name) =>
  DEPTHS.map((depth) => ({
    files: [`src/${name}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-restricted-imports': layerRule(name, depth) },
  })),
);

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
  ...layerConfigs,
  {
    // The workers' entries load the kinds' registry (builders for the compiler); the rest of the
    // engine never does.
    files: ['src/engine/worker/*.worker.ts'],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': layerRule('engine', 3, { except: ['kinds/registry.ts'] }) },
  },
  {
    // The page's entry: it loads the kinds' specs only (src/kinds/specs.ts), never a builder, and
    // like the UI folders takes only types from the engine, the measures and the exporters.
    files: ['src/main.tsx'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\./kinds/(?!specs\\.ts$)', message: "The page loads the kinds' specs only (./kinds/specs.ts): builders and engine code run in the workers." },
            { regex: '^\\./cli(/.*)?$', message: 'The page never imports the CLI.' },
            {
              regex: '^\\./(engine|measures|export)(/.*)?$',
              allowTypeImports: true,
              message: "The page's entry may import only types from engine, measures and export (their work runs in the workers).",
            },
          ],
        },
      ],
    },
  },
  {
    // The specs' list is what the page loads: kinds' schemas only, no builder, index or engine.
    files: ['src/kinds/specs.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': withPatterns(
        layerRule('kinds', 1),
        { regex: '^\\./(?!([^/]+/schema|kind-spec)\\.ts$)[^.]', message: "src/kinds/specs.ts lists the kinds' specs (./<kind>/schema.ts) only: no builder, index or registry." },
        { group: folder('engine'), message: "src/kinds/specs.ts lists the kinds' specs only: no engine module." },
      ),
    },
  },
  {
    // A kind's schema (and its phase plane) is model-side: it may import the model, never a
    // builder or the engine.
    files: ['src/kinds/*/schema.ts', 'src/kinds/*/phase-plane.ts', 'src/kinds/shared/checks.ts', 'src/kinds/shared/plane.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': withPatterns(layerRule('kinds', 2), {
        group: [...folder('engine'), '**/builder.ts', '**/registry.ts'],
        message: 'A kind schema imports only the model: no builder, registry or engine module.',
      }),
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
    // The classroom server runs in Node: it checks documents with the model (and the kinds'
    // schemas), never the engine, the stores or the UI.
    files: ['server/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...uiLibraries,
            { group: ['engine', 'measures', 'export', 'cli', 'store', 'ui', 'editor', 'panels', 'app'].flatMap(folder), message: 'The classroom server checks documents with src/model only.' },
          ],
        },
      ],
    },
  },
);
