/**
 * The program's structure, checked: no runtime import cycles anywhere in src/ and server/ (a
 * cycle makes module order matter and hides a missing layer), and no mutable state at module
 * level in the stores and the UI (every app's state is made by createAppStores; two apps on a
 * page, or two tests in a process, must not share any). Layers themselves are ESLint's
 * (eslint.config.js, LAYERS).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { importCycles, moduleGraph, reachable, runtimeImports, sourceFiles } from '../src/test-support/module-graph.ts';
import { repoRoot } from '../src/test-support/reference.ts';

const rel = (f: string) => path.relative(repoRoot, f).split(path.sep).join('/');

describe('module graph', () => {
  it('has no runtime import cycle in src/ or server/', () => {
    const graph = moduleGraph([...sourceFiles(path.join(repoRoot, 'src')), ...sourceFiles(path.join(repoRoot, 'server'))]);
    expect(graph.size).toBeGreaterThan(200);
    expect(importCycles(graph).map((c) => c.map(rel))).toEqual([]);
  });

  it('finds a cycle, and ignores type-only imports', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['d'])],
      ['e', new Set(['a'])],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c'], ['d']]);
    const text = "import type { A } from './a.ts';\nexport type { B } from './b.ts';\nimport { c } from './c.ts';\nimport './d.css';\nconst e = () => import('./e.ts');";
    expect(runtimeImports('x.ts', text)).toEqual(['./c.ts', './d.css', './e.ts']);
  });
});

describe("the page's entry", () => {
  it('loads no engine, measures or exporter module and no kind builder: only the kinds\' specs and the workers\' clients', () => {
    const graph = moduleGraph([...sourceFiles(path.join(repoRoot, 'src'))], { dynamic: false });
    const loaded = [...reachable(graph, path.join(repoRoot, 'src/main.tsx'))].map(rel);
    expect(loaded).toContain('src/kinds/specs.ts');
    expect(loaded).toContain('src/kinds/lif/schema.ts');
    const workerSide = loaded.filter((f) => /^src\/(engine|measures|export|cli)\//.test(f) || (f.startsWith('src/kinds/') && !/\/(schema|phase-plane|specs|checks|plane)\.ts$/.test(f)));
    // the clients that start the workers and talk to them (and the stop flag they share)
    expect(workerSide.sort()).toEqual(['src/engine/worker/analysis-client.ts', 'src/engine/worker/client.ts', 'src/engine/worker/job.ts', 'src/export/worker/client.ts']);
  });
});

/** Statements at the top level of a module that keep mutable state: `let`/`var`, and calls that make a store. */
function moduleState(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const line = source.getLineAndCharacterOfPosition(statement.getStart()).line + 1;
    const flags = statement.declarationList.flags;
    if (!(flags & ts.NodeFlags.Const)) found.push(`${rel(file)}:${line} ${statement.getText().split('\n')[0]}`);
    for (const d of statement.declarationList.declarations) {
      const init = d.initializer && ts.isCallExpression(d.initializer) ? d.initializer.expression.getText() : '';
      if (/^(create|createStore|create<.*>\(\))$|^create\w*Store$/.test(init) || init.startsWith('create<')) found.push(`${rel(file)}:${line} ${d.name.getText()} = ${init}(…)`);
      // a new container must be typed read-only (ReadonlyMap, ReadonlySet): a constant, not a place to keep state
      const container = d.initializer && ts.isNewExpression(d.initializer) && /^(Map|Set|WeakMap|WeakSet)$/.test(d.initializer.expression.getText());
      if (container && !/^Readonly(Map|Set)</.test(d.type?.getText() ?? '')) found.push(`${rel(file)}:${line} ${d.name.getText()} = ${d.initializer!.getText().slice(0, 40)}`);
    }
  }
  return found;
}

/**
 * Modules whose module-level state is a pure cache of fixed input (argued here): ChartBase's
 * canvas context that only measures text, and its CSS values per theme (the stylesheet is
 * fixed); colors.ts's colour tables per scheme (d3's interpolators are fixed).
 */
const PURE_CACHES: ReadonlySet<string> = new Set(['src/panels/chart/ChartBase.ts', 'src/panels/chart/colors.ts']);

describe('state at module level', () => {
  it('the stores, the editor, the panels and the app keep none: their state lives in what createAppStores makes', () => {
    const files = ['store', 'editor', 'panels', 'app'].flatMap((d) => sourceFiles(path.join(repoRoot, 'src', d)));
    const found = files.filter((f) => !PURE_CACHES.has(rel(f))).flatMap(moduleState);
    expect(found).toEqual([]);
  });
});
