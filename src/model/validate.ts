/**
 * Validation of a graph document: migrate, check the envelope, check each node's params with
 * its kind's schema, then the graph rules (unique ids, edge ends, matrix shapes, delay-0 loops).
 * Every problem is reported with its JSON path; nothing throws on bad input.
 */
import { canonicalIntegers } from './canonical-numbers.ts';
import { documentEnvelope, edgeSchema, FORMAT, nodeEnvelope, type AnyNode, type GraphDocument, type GraphEdge, type GraphGroup } from './document.ts';
import { getKind, allKinds } from './kind-lookup.ts';
import { formatPath, fromZodIssues, type ValidationIssue } from './issues.ts';
import { migrate, type Migration, MIGRATIONS } from './migrate.ts';
import { couplesWithoutDelay, findZeroDelayLoop, zeroDelaySystems } from './graph.ts';
import { LIMITS } from './limits.ts';
import { connectionRuleProblem, connectivityText, expectedSynapses, isConnectionRule } from './connection-rules.ts';
import { WEIGHT_OPTION_KEYS } from './weights.ts';
import type { IncomingEdge, KindSpec } from './kind-spec.ts';
import { reservedKeyIssues } from './reserved-keys.ts';

export type ValidationResult =
  | { ok: true; doc: GraphDocument; migrated: string[] }
  | { ok: false; errors: ValidationIssue[] };

const MAX_REPORTED = 50;

export function validateDocument(raw: unknown, migrations: readonly Migration[] = MIGRATIONS): ValidationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail([{ path: '(root)', message: 'must be a JSON object (a Recurrence graph document)' }]);
  }
  const reserved = reservedKeyIssues(raw);
  if (reserved.length > 0) return fail(reserved);
  const obj = raw as Record<string, unknown>;
  if (obj.format !== FORMAT) {
    return fail([{ path: 'format', message: `must be "${FORMAT}", got ${JSON.stringify(obj.format) ?? 'nothing'}` }]);
  }
  const migrated = migrate(obj, migrations);
  if (!migrated.ok) return fail([{ path: migrated.path, message: migrated.message }]);

  const errors: ValidationIssue[] = [];
  const parsed = documentEnvelope.safeParse(migrated.doc, { reportInput: true });
  if (!parsed.success) errors.push(...fromZodIssues(parsed.error.issues));
  const rawNodes = Array.isArray(migrated.doc.nodes) ? migrated.doc.nodes : [];
  const rawEdges = Array.isArray(migrated.doc.edges) ? migrated.doc.edges : [];
  const specs = new Map<string, KindSpec<unknown>>();
  const nodes = rawNodes.flatMap((raw, i) => {
    const node = checkNode(raw, i, errors);
    if (node) specs.set(node.id, getKind(node.kind)!);
    return node ? [node] : [];
  });
  const edges = rawEdges.flatMap((raw, i) => {
    const edge = edgeSchema.safeParse(raw, { reportInput: true });
    if (!edge.success) errors.push(...fromZodIssues(edge.error.issues, ['edges', i]));
    return edge.success ? [edge.data] : [];
  });
  if (!parsed.success || nodes.length !== rawNodes.length || edges.length !== rawEdges.length) return fail(errors);
  fillConcatenatedWeights(rawEdges, edges, specs);
  const doc = { ...parsed.data, nodes, edges };
  errors.push(...checkIds(doc), ...checkEdges(doc, specs));
  errors.push(...checkZeroDelayLoops(doc));
  if (errors.length > 0) return fail(errors);
  for (const n of doc.nodes) canonicalIntegers(n.params);
  for (const e of doc.edges) canonicalIntegers(e.params);
  return { ok: true, doc: doc as GraphDocument, migrated: migrated.applied };
}

/** Checks one node's envelope and, through its kind, its params; returns it with defaults filled. */
function checkNode(raw: unknown, i: number, errors: ValidationIssue[]): AnyNode | null {
  const env = nodeEnvelope.safeParse(raw, { reportInput: true });
  if (!env.success) {
    errors.push(...fromZodIssues(env.error.issues, ['nodes', i]));
    return null;
  }
  const node = env.data;
  const spec = getKind(node.kind);
  if (!spec) {
    const known = allKinds().map((k) => k.kind).join(', ');
    errors.push({ path: `nodes[${i}].kind`, message: `unknown kind "${node.kind}" (known kinds: ${known})` });
    return null;
  }
  const params = spec.params.safeParse(node.params, { reportInput: true });
  if (!params.success) {
    errors.push(...fromZodIssues(params.error.issues, ['nodes', i, 'params']));
    return null;
  }
  const problems = spec.check?.(params.data) ?? [];
  for (const p of problems) errors.push({ path: formatPath(['nodes', i, 'params', ...p.path]), message: p.message });
  return problems.length > 0 ? null : { ...node, params: params.data as Record<string, unknown> };
}

/**
 * Loops of delay-0 edges: those through a node that is not an ODE node have no update order; the
 * nodes of a coupled ODE system are integrated as one, so they must share an integrator.
 */
function checkZeroDelayLoops(doc: { nodes: { id: string; kind: string; params: Record<string, unknown> }[]; edges: GraphEdge[] }): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  const loop = findZeroDelayLoop(doc);
  if (loop) {
    const closing = doc.edges.findIndex((e) => e.id === loop.edges[loop.edges.length - 1]);
    const through = loop.through === undefined ? undefined : doc.nodes.find((n) => n.id === loop.through);
    const why = through
      ? ` and passes through "${through.id}", a ${through.kind} node: only ODE nodes (${allKinds().filter((k) => k.odeSystem).map((k) => k.kind).join(', ')}) are integrated together without a delay`
      : '';
    errors.push({
      path: `edges[${closing}].params.delay`,
      message: `the loop ${loop.nodes.join(' → ')} has no delay (edges ${loop.edges.join(', ')} all have delay 0)${why}; give one of its edges a delay ≥ 1`,
    });
  }
  const index = new Map(doc.nodes.map((n, i) => [n.id, i]));
  for (const system of zeroDelaySystems(doc)) {
    if (!system.coupled || system.nodes.length < 2) continue;
    const methods = system.nodes.map((id) => doc.nodes[index.get(id)!].params.integrator);
    const odd = methods.findIndex((m) => m !== methods[0]);
    if (odd < 0 || system.nodes.some((id) => !couplesWithoutDelay(doc.nodes[index.get(id)!]))) continue;
    errors.push({
      path: `nodes[${index.get(system.nodes[odd])}].params.integrator`,
      message: `the nodes ${system.nodes.join(', ')} are coupled by delay-0 edges and integrated as one ODE system: give them the same integrator (${system.nodes.map((id, i) => `${id}: ${String(methods[i])}`).join(', ')})`,
    });
  }
  return errors;
}

function fail(errors: ValidationIssue[]): ValidationResult {
  return { ok: false, errors: errors.slice(0, MAX_REPORTED) };
}

function checkIds(doc: { nodes: { id: string }[]; edges: GraphEdge[]; groups?: GraphGroup[] }): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  const seen = new Map<string, number>();
  doc.nodes.forEach((n, i) => {
    if (seen.has(n.id)) errors.push({ path: `nodes[${i}].id`, message: `duplicate id "${n.id}" (also nodes[${seen.get(n.id)}])` });
    else seen.set(n.id, i);
  });
  const grouped = new Map<string, string>();
  (doc.groups ?? []).forEach((g, i) => {
    if (seen.has(g.id)) errors.push({ path: `groups[${i}].id`, message: `"${g.id}" is already a node id` });
    g.nodes.forEach((id, k) => {
      if (!seen.has(id)) errors.push({ path: `groups[${i}].nodes[${k}]`, message: `no node with id "${id}"` });
      else if (grouped.has(id)) errors.push({ path: `groups[${i}].nodes[${k}]`, message: `node "${id}" is already in group "${grouped.get(id)}"` });
      else grouped.set(id, g.id);
    });
  });
  const seenEdges = new Map<string, number>();
  doc.edges.forEach((e, i) => {
    if (seenEdges.has(e.id)) errors.push({ path: `edges[${i}].id`, message: `duplicate id "${e.id}" (also edges[${seenEdges.get(e.id)}])` });
    else seenEdges.set(e.id, i);
  });
  return errors;
}

function checkEdges(
  doc: { nodes: { id: string; params: Record<string, unknown> }[]; edges: GraphEdge[] },
  specs: Map<string, KindSpec<unknown>>,
): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  doc.edges.forEach((e, i) => {
    const at = (...rest: (string | number)[]) => formatPath(['edges', i, ...rest]);
    const src = nodes.get(e.source);
    const tgt = nodes.get(e.target);
    if (!src) errors.push({ path: at('source'), message: `no node with id "${e.source}"` });
    if (!tgt) errors.push({ path: at('target'), message: `no node with id "${e.target}"` });
    if (e.source === e.target && e.params.delay === 0 && specs.get(e.source)?.odeSystem !== true) {
      errors.push({ path: at('params', 'delay'), message: 'a self-loop needs delay ≥ 1 (a unit cannot read its own output of the same step)' });
    }
    const srcSpec = specs.get(e.source);
    const tgtSpec = specs.get(e.target);
    if (!src || !tgt || !srcSpec || !tgtSpec) return;
    if (tgtSpec.role === 'source') {
      errors.push({ path: at('target'), message: `a node of kind "${tgtSpec.kind}" receives no edges` });
      return;
    }
    const m = srcSpec.outputSize(src.params);
    if (tgtSpec.role === 'readout') {
      const w = e.params.weight;
      if (w.type !== 'identity' || w.value !== 1 || WEIGHT_OPTION_KEYS.some((key) => e.params[key] !== undefined)) {
        errors.push({ path: at('params', 'weight'), message: `an edge into a ${tgtSpec.kind} carries its source's output unchanged: omit weight (the ${tgtSpec.kind} learns its own)` });
      }
      return;
    }
    const n = (tgtSpec.inputSize ?? tgtSpec.outputSize)(tgt.params);
    errors.push(...checkWeightShape(e, n, m, at));
    const synapse = e.params.synapse?.type;
    if (synapse !== undefined && synapse !== 'current' && !tgtSpec.synapses?.includes(synapse)) {
      const takers = allKinds().filter((k) => k.synapses?.includes(synapse)).map((k) => k.kind);
      errors.push({ path: at('params', 'synapse', 'type'), message: `a node of kind "${tgtSpec.kind}" takes no "${synapse}" synapses (only ${takers.join(', ')})` });
    }
    if (e.params.plasticity !== undefined && n !== tgtSpec.outputSize(tgt.params)) {
      errors.push({ path: at('params', 'plasticity'), message: `needs a target whose outputs match the edge's rows (${n} rows, ${tgtSpec.outputSize(tgt.params)} outputs)` });
    }
  });
  errors.push(...checkIncomingEdges(doc, specs), ...checkReferences(doc, specs));
  return errors;
}

/** Edges into a node that concatenates its inputs get identity weights when none were given. */
function fillConcatenatedWeights(rawEdges: unknown[], edges: GraphEdge[], specs: Map<string, KindSpec<unknown>>): void {
  edges.forEach((e, i) => {
    const raw = rawEdges[i] as { params?: { weight?: unknown } };
    if (specs.get(e.target)?.role === 'readout' && raw.params?.weight === undefined) {
      e.params.weight = { type: 'identity', value: 1 };
    }
  });
}

/** Signals named in params (`ID` or `ID.VAR`) must belong to an existing node of a kind that has that variable. */
function checkReferences(doc: { nodes: { id: string; params: Record<string, unknown> }[] }, specs: Map<string, KindSpec<unknown>>): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  doc.nodes.forEach((node, i) => {
    for (const ref of specs.get(node.id)?.references?.(node.params) ?? []) {
      const at = formatPath(['nodes', i, 'params', ...ref.path]);
      const target = byId.get(ref.node);
      const spec = specs.get(ref.node);
      if (!target || !spec) {
        errors.push({ path: at, message: `no node with id "${ref.node}"` });
      } else if (!spec.variables(target.params).includes(ref.variable)) {
        errors.push({ path: at, message: `node "${ref.node}" has no variable "${ref.variable}" (it has ${spec.variables(target.params).join(', ')})` });
      }
    }
  });
  return errors;
}

/** Each kind's checks over its incoming edges (e.g. Hopfield's pattern init needs a Hebbian self-edge). */
function checkIncomingEdges(
  doc: { nodes: { id: string; params: Record<string, unknown> }[]; edges: GraphEdge[] },
  specs: Map<string, KindSpec<unknown>>,
): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  doc.nodes.forEach((node, i) => {
    const spec = specs.get(node.id);
    if (!spec?.checkIncoming) return;
    const incoming = doc.edges.flatMap((e, index) => (e.target === node.id ? [{ ...e, index } as unknown as IncomingEdge] : []));
    for (const p of spec.checkIncoming(node.params, incoming, node.id)) {
      errors.push({ path: formatPath(p.edge === undefined ? ['nodes', i, 'params', ...p.path] : ['edges', p.edge, ...p.path]), message: p.message });
    }
  });
  return errors;
}

function checkWeightShape(
  e: GraphEdge,
  n: number,
  m: number,
  at: (...rest: (string | number)[]) => string,
): ValidationIssue[] {
  const w = e.params.weight;
  const errors: ValidationIssue[] = [];
  if (w.type === 'matrix') {
    if (w.values.length !== n) {
      errors.push({ path: at('params', 'weight', 'values'), message: `must have ${n} rows (target size), got ${w.values.length}` });
    } else {
      const bad = w.values.findIndex((row) => row.length !== m);
      if (bad >= 0) errors.push({ path: at('params', 'weight', 'values', bad), message: `must have ${m} columns (source size), got ${w.values[bad].length}` });
    }
  }
  if (w.type === 'hebbian') {
    if (n !== m) errors.push({ path: at('params', 'weight', 'type'), message: `hebbian needs equal source and target sizes, got ${n}×${m}` });
    const bad = w.patterns.findIndex((p) => p.length !== m);
    if (bad >= 0) errors.push({ path: at('params', 'weight', 'patterns', bad), message: `must have ${m} entries (source size), got ${w.patterns[bad].length}` });
  }
  if (w.type === 'identity' && n !== m) {
    errors.push({ path: at('params', 'weight', 'type'), message: `identity needs equal source and target sizes, got ${n}×${m}` });
  }
  if (e.params.spectralRadius !== undefined && n !== m) {
    errors.push({ path: at('params', 'spectralRadius'), message: `needs a square matrix (equal source and target sizes), got ${n}×${m}` });
  }
  const c = e.params.connectivity;
  if (isConnectionRule(c)) {
    if (w.type === 'identity') errors.push({ path: at('params', 'connectivity'), message: 'an identity weight connects unit i to unit i only: a connection rule does not apply' });
    const problem = connectionRuleProblem(c, n, m, e.source === e.target);
    if (problem) errors.push({ path: at('params', 'connectivity', c.rule === 'fixed-total' ? 'n' : 'k'), message: problem });
  }
  const synapses = expectedSynapses(c, n, m, w.type === 'identity');
  if (synapses > LIMITS.maxSynapsesPerEdge) {
    const how = isConnectionRule(c) ? connectivityText(c) : `connectivity ${c ?? 1}`;
    errors.push({ path: at('params', 'weight'), message: `${n}×${m} synapses at ${how} exceed the limit of ${LIMITS.maxSynapsesPerEdge}` });
  }
  return errors;
}
