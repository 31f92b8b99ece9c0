/**
 * The phase-plane capability of a node kind (KindSpec.phasePlane): given two of a network's
 * units of that kind, their couplings and constant drive, the kind returns the two-dimensional
 * system its equations make of them, in the separable form the phase portrait analyses
 * (panels/transforms/nullclines.ts): on the nullcline of variable i,
 *     coupling_i · s_j(v_j) = own_i(v_i)      ⇒   v_j = s_j⁻¹(own_i(v_i) / coupling_i).
 * Types only: the kinds implement them (src/kinds/<kind>/phase-plane.ts), the panel draws them.
 */

export type Interval = [number, number];
export type Point = [number, number];
export type Matrix2 = [[number, number], [number, number]];

/** One nullcline in separable form (see the module comment). */
export interface SeparableNullcline {
  name: string;
  /** own_i(v): finite on `defined` (NaN outside). */
  own(v: number): number;
  coupling: number;
  /** s_j⁻¹(u): the other variable for a value u of s_j (NaN where u is outside the range of s_j). */
  inverse(u: number): number;
  /** Open interval of v on which own is defined (±Infinity allowed). */
  defined: Interval;
}

export interface PlaneSystem {
  /** 'continuous': step gives (dx/dt, dy/dt); 'discrete': step gives the map's (x', y'). */
  time: 'continuous' | 'discrete';
  step(x: number, y: number): Point;
  /** [nullcline of x (drawn along x), nullcline of y (drawn along y)]. */
  nullclines: [SeparableNullcline, SeparableNullcline];
  /** A box holding every fixed point (±Infinity where the model does not bound it). */
  bounds: { x: Interval; y: Interval };
}

/** A one-dimensional map x[t+1] = map(x[t]), shown as a return map with the diagonal. */
export interface ReturnMap {
  /** Legend names of the map's curve and of the diagonal. */
  name: string;
  diagonal: string;
  map(x: number): number;
  /** Interval holding every fixed point (±Infinity: unbounded). */
  bounds: Interval;
}

/** Per-axis maps between the system's state (to) and the values the probes record (shown). */
export interface ShownAxes {
  toShown: [(v: number) => number, (v: number) => number];
  fromShown: [(v: number) => number, (v: number) => number];
}

/** One axis of the plane: a unit of a node of the kind. */
export interface PlaneUnit<P> {
  /** Id of the node it belongs to, and that node's params. */
  node: string;
  params: P;
  /** The unit's index in its node. */
  index: number;
  /** Its name on the axis: the node id, or `id[i]` in a population. */
  name: string;
}

/**
 * Two units of one kind (or one unit: `single`), the whole state of the nodes they belong to,
 * and what drives them. Couplings are summed over the edges among the plane's nodes with their
 * sampled weights; every other input is constant (taken at its current value).
 */
export interface PlaneInput<P> {
  units: [PlaneUnit<P>, PlaneUnit<P>];
  /** Both axes are the same unit (a 1-unit node): a return map or a phase line. */
  single: boolean;
  /** Both axes are units of one node. */
  sameNode: boolean;
  /** w[i][j]: coupling from axis unit j to axis unit i. */
  w: Matrix2;
  /** Constant drive of each axis unit. */
  c: [number, number];
  /** For one node: the coupling among its units 0 and 1 in the node's order, and their drive. */
  nodeW: Matrix2;
  nodeC: [number, number];
  /**
   * 'together': both units read the previous step; 'x-first' / 'y-first': that unit updates
   * first and the other reads its new value (a delay-0 edge between discrete-time nodes).
   */
  order: 'together' | 'x-first' | 'y-first';
}

export type PlaneResult =
  | { kind: 'plane'; system: PlaneSystem; axes?: ShownAxes }
  | { kind: 'return-map'; map: ReturnMap }
  | { kind: 'none'; reason: string };

export interface PhasePlaneModel<P> {
  build(input: PlaneInput<P>): PlaneResult;
}
