/**
 * Inspector fields from a kind's zod schema: numbers with their unit, bounds and rule (from
 * `.meta()`), enums, booleans, discriminated unions (a variant picker with the variant's fields),
 * a number or a discriminated union's variants (the picker offers the number as one more choice,
 * named by its meta `choice`: an edge's connectivity), nested objects; anything else (arrays,
 * per-unit values, other mixed unions) is edited as JSON and checked by the same schema. No kind is special-cased: a new kind gets its inspector for free.
 */
import { z } from 'zod';
import { fromZodIssues, type NumberMeta, type ValidationIssue } from '../../model/index.ts';

type AnySchema = z.ZodType;
type Def = { type: string } & Record<string, unknown>;

export type NumberInfo = NumberMeta & { rule?: string };

interface Base {
  key: string;
  optional: boolean;
  /** The schema's default, when it has one. */
  defaultValue?: unknown;
  description?: string;
  schema: AnySchema;
}

export type Field =
  | (Base & { kind: 'number'; meta: NumberInfo })
  | (Base & { kind: 'enum'; options: string[] })
  | (Base & { kind: 'boolean' })
  | (Base & { kind: 'string' })
  | (Base & { kind: 'object'; fields: Field[] })
  | (Base & {
      kind: 'variant';
      discriminator: string;
      variants: { value: string; schema: AnySchema; fields: Field[] }[];
      /** The value may also be this number, a choice of its own in the picker (named by `meta.choice`). */
      scalar?: Extract<Field, { kind: 'number' }>;
    })
  | (Base & { kind: 'json' });

const defOf = (s: AnySchema) => (s as unknown as { _zod: { def: Def } })._zod.def;
const metaOf = (s: AnySchema) => (z.globalRegistry.get(s) ?? {}) as NumberInfo & { description?: string };

/** Strips optional/default wrappers, collecting what they say. */
function unwrap(schema: AnySchema): { inner: AnySchema; optional: boolean; defaultValue?: unknown; meta: NumberInfo & { description?: string } } {
  let s = schema;
  let optional = false;
  let defaultValue: unknown;
  let meta = metaOf(s);
  for (;;) {
    const def = defOf(s);
    if (def.type === 'optional') optional = true;
    else if (def.type === 'default') defaultValue = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
    else if (def.type !== 'nullable' && def.type !== 'readonly') break;
    s = def.innerType as AnySchema;
    meta = { ...metaOf(s), ...meta };
  }
  return { inner: s, optional, defaultValue, meta: { ...metaOf(s), ...meta } };
}

/** The object schema's shape (through refinements, which zod 4 keeps on the object itself). */
export function shapeOf(schema: AnySchema): Record<string, AnySchema> | null {
  const def = defOf(unwrap(schema).inner);
  return def.type === 'object' ? (def.shape as Record<string, AnySchema>) : null;
}

function literalOf(schema: AnySchema | undefined): string | null {
  if (!schema) return null;
  const def = defOf(unwrap(schema).inner);
  return def.type === 'literal' ? String((def.values as unknown[])[0]) : null;
}

/** The field for one property. */
export function describeField(key: string, schema: AnySchema): Field {
  const { inner, optional, defaultValue, meta } = unwrap(schema);
  const def = defOf(inner);
  const base: Base = { key, optional, defaultValue, description: meta.description, schema };
  switch (def.type) {
    case 'number':
      return { ...base, kind: 'number', meta };
    case 'enum':
      return { ...base, kind: 'enum', options: Object.values(def.entries as Record<string, string>) };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'string':
      return { ...base, kind: 'string' };
    case 'object':
      return { ...base, kind: 'object', fields: describeObject(inner) };
    case 'union': {
      const options = def.options as AnySchema[];
      const discriminator = def.discriminator as string | undefined;
      if (discriminator) {
        const variants = options.map((option) => {
          const shape = shapeOf(option) ?? {};
          return { value: literalOf(shape[discriminator]) ?? '?', schema: option, fields: describeObject(option).filter((f) => f.key !== discriminator) };
        });
        return { ...base, kind: 'variant', discriminator, variants };
      }
      // a number, or one of a discriminated union's variants
      const [scalar, rules] = options.length === 2 ? options.map((o) => describeField(key, o)) : [];
      if (scalar?.kind === 'number' && scalar.meta.choice && rules?.kind === 'variant' && !rules.scalar) {
        return { ...base, kind: 'variant', discriminator: rules.discriminator, variants: rules.variants, scalar };
      }
      break;
    }
  }
  return { ...base, kind: 'json' };
}

/** Fields of an object schema, in declaration order. */
export function describeObject(schema: AnySchema): Field[] {
  const shape = shapeOf(schema);
  return shape ? Object.entries(shape).map(([key, s]) => describeField(key, s)) : [];
}

/** Problems of `value` against `schema`, with paths like "signal.period". */
export function schemaIssues(schema: AnySchema, value: unknown): ValidationIssue[] {
  const r = schema.safeParse(value, { reportInput: true });
  return r.success ? [] : fromZodIssues(r.error.issues);
}

/** A valid-looking stand-in for a required value the user has not given yet. */
export function placeholderFor(field: Field): unknown {
  if (field.defaultValue !== undefined) return structuredClone(field.defaultValue);
  switch (field.kind) {
    case 'number': {
      const m = field.meta;
      const lo = m.min ?? m.gt;
      const hi = m.max ?? m.lt;
      if (lo !== undefined && lo >= 1) return m.gt === lo ? lo + 1 : lo;
      if (hi !== undefined && hi < 1) return m.lt === hi ? hi / 2 : hi;
      return 1;
    }
    case 'enum':
      return field.options[0];
    case 'boolean':
      return false;
    case 'string':
      return '';
    case 'object':
      return Object.fromEntries(field.fields.filter((f) => !f.optional).map((f) => [f.key, placeholderFor(f)]));
    case 'variant':
      return variantValue(field, field.variants[0].value, undefined);
    case 'json':
      return 0;
  }
}

/**
 * The value of a variant picked in a variant field: fields it shares with the old value are
 * kept, required fields get stand-ins, and the schema fills its defaults.
 */
export function variantValue(field: Extract<Field, { kind: 'variant' }>, value: string, old: unknown): Record<string, unknown> {
  const variant = field.variants.find((v) => v.value === value) ?? field.variants[0];
  const previous = typeof old === 'object' && old !== null ? (old as Record<string, unknown>) : {};
  const next: Record<string, unknown> = { [field.discriminator]: variant.value };
  for (const f of variant.fields) {
    if (f.key in previous) next[f.key] = previous[f.key];
    else if (!f.optional && f.defaultValue === undefined) next[f.key] = placeholderFor(f);
  }
  const parsed = variant.schema.safeParse(next);
  return parsed.success ? (parsed.data as Record<string, unknown>) : next;
}

/** A copy of `obj` with the value at `path` replaced (undefined removes the key). */
export function setIn(obj: unknown, path: readonly string[], value: unknown): Record<string, unknown> {
  const base = typeof obj === 'object' && obj !== null && !Array.isArray(obj) ? (obj as Record<string, unknown>) : {};
  const [head, ...rest] = path;
  const next = { ...base };
  const v = rest.length === 0 ? value : setIn(base[head], rest, value);
  if (v === undefined) delete next[head];
  else next[head] = v;
  return next;
}

/** A sensible increment for arrow keys and dragging: 1 for integers, else a tenth of the value's order of magnitude, at most 1/100 of a bounded range. */
export function stepFor(meta: NumberInfo, value: number): number {
  if (meta.int) return 1;
  const lo = meta.min ?? meta.gt;
  const hi = meta.max ?? meta.lt;
  if (lo !== undefined && hi !== undefined) return 10 ** Math.floor(Math.log10((hi - lo) / 100));
  const mag = Math.abs(value) > 0 ? 10 ** Math.floor(Math.log10(Math.abs(value))) : 1;
  return Math.max(mag / 10, 0.001);
}

/** Rounds away floating-point dust from stepped values (0.1 + 0.2 → 0.3). */
export function tidy(v: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(v.toFixed(Math.min(digits, 12)));
}
