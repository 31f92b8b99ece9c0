/**
 * Exposed parameters: a document value named `ID.path` (a node's or an edge's) turned into a
 * slider, with bounds and unit from the kind's zod schema meta (`num({min, max, unit})`), and
 * written back into a copy of the document.
 */
import type { z } from 'zod';
import { edgeParams, getKind, type GraphDocument } from '../../model/index.ts';
import { describeField, stepFor, type NumberInfo } from '../../editor/inspector/schemaFields.ts';
import { resolveRef } from '../lessons/checks.ts';
import type { ExposeSpec } from './flags.ts';

type Def = { type: string } & Record<string, unknown>;
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

export interface Slider {
  ref: string;
  /** Human name: "self · weight value". */
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  unit?: string;
}

/** Strips optional/default wrappers and picks the union option that fits `value`. */
function narrow(schema: z.ZodType, value: unknown): z.ZodType {
  let s = schema;
  for (let guard = 0; guard < 20; guard++) {
    const def = defOf(s);
    if (['optional', 'default', 'nullable', 'readonly'].includes(def.type)) s = def.innerType as z.ZodType;
    else if (def.type === 'union') {
      const options = def.options as z.ZodType[];
      const disc = def.discriminator as string | undefined;
      const fit = options.find((o) => (disc ? fitsVariant(o, disc, value) : fitsType(o, value)));
      if (!fit) return s;
      s = fit;
    } else return s;
  }
  return s;
}

function fitsVariant(option: z.ZodType, disc: string, value: unknown): boolean {
  const shape = defOf(narrow(option, undefined)).shape as Record<string, z.ZodType> | undefined;
  const lit = shape?.[disc] ? (defOf(narrow(shape[disc], undefined)).values as unknown[] | undefined) : undefined;
  return typeof value === 'object' && value !== null && lit?.includes((value as Record<string, unknown>)[disc]) === true;
}

function fitsType(option: z.ZodType, value: unknown): boolean {
  const t = defOf(narrow(option, value)).type;
  return Array.isArray(value) ? t === 'array' : typeof value === 'object' && value !== null ? t === 'object' : t === typeof value;
}

/** The schema of the value at `path` inside a value of `schema`. */
function schemaAt(schema: z.ZodType, path: string[], value: unknown): z.ZodType | null {
  let s = schema;
  let v = value;
  for (const key of path) {
    const n = narrow(s, v);
    const def = defOf(n);
    const next = def.type === 'object' ? (def.shape as Record<string, z.ZodType>)[key] : def.type === 'array' ? (def.element as z.ZodType) : undefined;
    if (!next) return null;
    s = next;
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  }
  return narrow(s, v);
}

/** Number meta (bounds, unit) of the value `ref` names, or a reason it cannot be a slider. */
export function numberMetaAt(doc: GraphDocument, ref: string): NumberInfo | string {
  const [id, where, ...path] = ref.split('.');
  const node = doc.nodes.find((n) => n.id === id);
  const edge = node ? undefined : doc.edges.find((e) => e.id === id);
  if (!node && !edge) return `no node or edge “${id}”`;
  if (where !== 'params') return `${ref}: only params can be exposed (ID.params.…)`;
  const schema = node ? getKind(node.kind)?.params : edgeParams;
  const value = resolveRef(doc, ref);
  if (!schema) return `${ref}: unknown kind`;
  if (typeof value !== 'number') return `${ref} is ${value === undefined ? 'not set in this network' : 'not a number'}`;
  const leaf = schemaAt(schema as z.ZodType, path, node ? node.params : edge!.params);
  const field = leaf ? describeField(path[path.length - 1] ?? ref, leaf) : null;
  return field?.kind === 'number' ? field.meta : `${ref} is not a numeric parameter`;
}

/** The slider of an exposed value: link bounds win, then schema bounds, else a range around the value. */
export function sliderFor(doc: GraphDocument, spec: ExposeSpec): Slider | string {
  const meta = numberMetaAt(doc, spec.ref);
  if (typeof meta === 'string') return meta;
  const value = resolveRef(doc, spec.ref) as number;
  const reach = Math.max(1, 2 * Math.abs(value));
  let min = spec.min ?? meta.min ?? meta.gt ?? (meta.max !== undefined || meta.lt !== undefined ? Math.min(0, value) : -reach);
  let max = spec.max ?? meta.max ?? meta.lt ?? Math.max(min + reach, reach);
  if (spec.min === undefined && meta.min === undefined && meta.gt === undefined && value < min) min = value;
  if (spec.max === undefined && value > max) max = value;
  const step = stepFor({ min, max, int: meta.int }, value);
  const [id, , ...path] = spec.ref.split('.');
  return { ref: spec.ref, label: `${id} · ${path.join(' ')}`, value, min, max, step, unit: meta.unit };
}

/** A copy of `doc` with the value at `ref` set (arrays and objects copied along the path). */
export function setRef(doc: GraphDocument, ref: string, value: number): GraphDocument {
  const [id, ...path] = ref.split('.');
  const put = (target: unknown, keys: string[]): unknown => {
    if (keys.length === 0) return value;
    const [head, ...rest] = keys;
    if (Array.isArray(target)) return target.map((x, i) => (String(i) === head ? put(x, rest) : x));
    const obj = (target ?? {}) as Record<string, unknown>;
    return { ...obj, [head]: put(obj[head], rest) };
  };
  const update = <T extends { id: string }>(items: T[]) => items.map((item) => (item.id === id ? (put(item, path) as T) : item));
  return doc.nodes.some((n) => n.id === id) ? { ...doc, nodes: update(doc.nodes) } : { ...doc, edges: update(doc.edges) };
}
