/**
 * Where an edge's matrices live for the kernels: float32 copies (the document's
 * `"precision": "float32"`) and the kernels' workspace (WASM linear memory, so products run
 * without copying the matrix). Called by the compiler after every weight sampling, and by
 * `indexSynapses` after outside changes to the weights.
 */
import { NARROW_COLS, type KernelWorkspace } from '../kernels/kernels.ts';
import type { CompiledEdge } from './compile.ts';
import { inPlaceCapacity } from './sample-weights.ts';
import type { ArrayStorage } from './synapse-list.ts';

/** Edges with fewer stored weights than this stay in ordinary arrays (the copy would not pay). */
export const PLACE_MIN_WEIGHTS = 256;

/** Synapses from which an edge is sampled straight into the workspace (then surely above PLACE_MIN_WEIGHTS). */
export const IN_PLACE_MIN_SYNAPSES = 1 << 16;

const align16 = (n: number) => (n + 15) & ~15;

type Typed = Float64Array | Float32Array | Int32Array;

function storedWeights(e: CompiledEdge): Float64Array {
  return e.weights.format === 'dense' ? e.weights.data : e.weights.values;
}

/** Whether the edge's products run in single precision: float32 mode, fixed weights, rate source. */
export function usesFloat32(e: { plastic: boolean }, precision: 'float64' | 'float32', spikingSource: boolean): boolean {
  return precision === 'float32' && !e.plastic && !spikingSource;
}

/** (Re)computes `weights32` from the f64 weights, in place when its storage already fits. */
export function refreshFloat32(e: CompiledEdge): void {
  const src = storedWeights(e);
  if (e.weights32 && e.weights32.length === src.length) e.weights32.set(src);
  else e.weights32 = Float32Array.from(src);
}

/** The arrays of an edge the kernels read, in a fixed order. */
function edgeArrays(e: CompiledEdge): Typed[] {
  const w = e.weights;
  const out: Typed[] = w.format === 'dense' ? [w.data] : [w.rowPtr, w.colIdx, w.values];
  if (e.weights32) out.push(e.weights32);
  const c = e.synapseColumns;
  if (c) out.push(c.colPtr, c.rowIdx, c.values, ...(c.valIdx ? [c.valIdx] : []));
  const r = e.synapseRows;
  if (r) out.push(r.rowPtr, r.colIdx, r.values, ...(r.valIdx ? [r.valIdx] : []));
  return out;
}

/**
 * Copies the matrices of every large edge (but narrow dense ones, which the kernels multiply in
 * plain JS: see NARROW_COLS) into the workspace and points the edges at the copies
 * (aliases such as synapse indices that share the weight storage stay shared).
 */
export function placeEdges(ws: KernelWorkspace, edges: readonly CompiledEdge[]): void {
  const large = edges.filter((e) => storedWeights(e).length >= PLACE_MIN_WEIGHTS && !(e.weights.format === 'dense' && e.cols < NARROW_COLS));
  const unique: Typed[] = [];
  const seen = new Set<Typed>();
  for (const e of large) {
    for (const a of edgeArrays(e)) {
      if (seen.has(a)) continue;
      seen.add(a);
      unique.push(a);
    }
  }
  const scratch = large.reduce((m, e) => Math.max(m, e.rows, e.cols), 1);
  const views = ws.place(unique, scratch);
  const moved = new Map<Typed, Typed>(unique.map((a, i) => [a, views[i]]));
  const to = <T extends Typed>(a: T): T => (moved.get(a) as T | undefined) ?? a;
  for (const e of large) {
    const w = e.weights;
    e.weights = w.format === 'dense' ? { ...w, data: to(w.data) } : { ...w, rowPtr: to(w.rowPtr), colIdx: to(w.colIdx), values: to(w.values) };
    if (e.weights32) e.weights32 = to(e.weights32);
    const c = e.synapseColumns;
    if (c) e.synapseColumns = { colPtr: to(c.colPtr), rowIdx: to(c.rowIdx), values: to(c.values), valIdx: c.valIdx ? to(c.valIdx) : null, shared: c.shared };
    const r = e.synapseRows;
    if (r) e.synapseRows = { rowPtr: to(r.rowPtr), colIdx: to(r.colIdx), values: to(r.values), valIdx: r.valIdx ? to(r.valIdx) : null };
  }
}

/**
 * After `indexSynapses` rebuilt an edge's indices from weights changed in place: writes the new
 * column index into the placed arrays it replaces when the shapes agree (the usual case: a
 * rescale keeps every synapse), so event delivery keeps running in the workspace.
 */
export function keepColumnsPlaced(e: CompiledEdge, before: CompiledEdge['synapseColumns']): void {
  const now = e.synapseColumns;
  if (!before || !now) return;
  const same = (a: Typed | null, b: Typed | null) => (a === null) === (b === null) && (a === null || a.length === b!.length);
  if (!same(before.colPtr, now.colPtr) || !same(before.rowIdx, now.rowIdx) || !same(before.valIdx, now.valIdx)) return;
  before.colPtr.set(now.colPtr);
  before.rowIdx.set(now.rowIdx);
  if (before.valIdx && now.valIdx) before.valIdx.set(now.valIdx);
  // values: a copy in column order (fixed weights) or the weight storage itself (plastic)
  const values = now.values === storedWeights(e) ? storedWeights(e) : before.values.length === now.values.length ? (before.values.set(now.values), before.values) : now.values;
  e.synapseColumns = { colPtr: before.colPtr, rowIdx: before.rowIdx, valIdx: before.valIdx, values, shared: now.shared };
}

/**
 * Reserves room in the workspace for the large sparse edges that the WebAssembly sampler will
 * write there directly (rowPtr, then columns and values of at most `inPlaceCapacity` synapses),
 * before sampling; `placeEdges` then keeps them where they are. Returns the storage of each such
 * edge (none: a map without entries). Nothing may grow the workspace between this and placeEdges.
 */
export function reserveInPlace(ws: KernelWorkspace, edges: readonly CompiledEdge[]): Map<CompiledEdge, ArrayStorage> {
  const planned = new Map<CompiledEdge, number>();
  for (const e of edges) {
    const capacity = e.trained ? null : inPlaceCapacity(e.spec, e.rows, e.cols);
    if (capacity !== null && capacity >= IN_PLACE_MIN_SYNAPSES) planned.set(e, Math.max(16, capacity));
  }
  const storage = new Map<CompiledEdge, ArrayStorage>();
  if (planned.size === 0 || !ws.reserve) return storage;
  let bytes = 0;
  for (const [e, capacity] of planned) bytes += align16(4 * (e.rows + 1)) + align16(4 * capacity) + align16(8 * capacity);
  const region = ws.reserve(edges.reduce((m, e) => Math.max(m, e.rows, e.cols), 1), bytes);
  for (const e of planned.keys()) storage.set(e, region);
  return storage;
}
