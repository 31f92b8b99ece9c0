/**
 * Validation issues: a JSON path and the rule broken, printed as
 * "nodes[2].params.leak: must be in (0, 1], got 3".
 */
import type { z } from 'zod';

export interface ValidationIssue {
  /** JSON path of the offending value, e.g. "nodes[2].params.leak"; "(root)" for the whole file. */
  path: string;
  /** The rule broken, with the value found where that helps. */
  message: string;
}

export type PathSegment = string | number;

/** ['nodes', 2, 'params', 'leak'] → "nodes[2].params.leak". */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && /^[A-Za-z_$][\w$-]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out || '(root)';
}

export function formatIssue(issue: ValidationIssue): string {
  return `${issue.path}: ${issue.message}`;
}

/** What a message needs of a document to name its elements. */
interface Named {
  nodes: readonly { id: string; label?: string }[];
  edges: readonly { id: string; label?: string }[];
}

/**
 * An issue of a document as a person reads it: the node or edge named by its label and id rather
 * than its index ("edge “W_in” (in) params.weight.low: must be …", "node res params.leak: …");
 * other paths as formatIssue.
 */
export function describeIssue(doc: Named, issue: ValidationIssue): string {
  const m = /^(nodes|edges)\[(\d+)\]\.?(.*)$/.exec(issue.path);
  const element = m ? (m[1] === 'nodes' ? doc.nodes : doc.edges)[Number(m[2])] : undefined;
  if (!m || !element) return formatIssue(issue);
  const kind = m[1] === 'nodes' ? 'node' : 'edge';
  const name = element.label ? `${kind} “${element.label}” (${element.id})` : `${kind} ${element.id}`;
  return `${name}${m[3] ? ` ${m[3]}` : ''}: ${issue.message}`;
}

/** A short, safe rendering of a value for an error message. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

const typeNames: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

type ZodIssue = z.core.$ZodIssue & { input?: unknown };

function branchMatchedShape(issues: readonly ZodIssue[], depth: number): boolean {
  return issues.every((i) => !(i.code === 'invalid_type' && i.path.length === depth));
}

/** Turns zod's issues (parsed with reportInput) into our path + rule messages. */
export function fromZodIssues(issues: readonly ZodIssue[], prefix: readonly PathSegment[] = []): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    const at = formatPath(path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push({ path: formatPath([...path, key]), message: 'unknown field' });
        break;
      case 'invalid_type': {
        const missing = issue.input === undefined;
        const expected = typeNames[issue.expected] ?? issue.expected;
        const received = (issue as { received?: string }).received;
        out.push({
          path: at,
          message: missing
            ? `is required (${expected})`
            : `must be ${received === 'Infinity' || received === 'NaN' ? 'a finite number' : expected}, got ${received ?? describeValue(issue.input)}`,
        });
        break;
      }
      case 'invalid_value': {
        const allowed = issue.values.map((v) => JSON.stringify(v));
        out.push({
          path: at,
          message: `${allowed.length === 1 ? `must be ${allowed[0]}` : `must be one of ${allowed.join(', ')}`}, got ${describeValue(issue.input)}`,
        });
        break;
      }
      case 'invalid_union': {
        const u = issue as typeof issue & { discriminator?: string; options?: unknown[] };
        if (u.discriminator) {
          const got = (issue.input as Record<string, unknown> | undefined)?.[u.discriminator];
          out.push({
            path: at,
            message: `must be one of ${(u.options ?? []).map((o) => JSON.stringify(o)).join(', ')}, got ${describeValue(got)}`,
          });
          break;
        }
        const matched = issue.errors.filter((b) => branchMatchedShape(b as ZodIssue[], 0));
        if (matched.length > 0) {
          out.push(...fromZodIssues(matched[0] as ZodIssue[], path));
        } else {
          const expected = issue.errors
            .flatMap((b) => (b as ZodIssue[]).map((i) => (i.code === 'invalid_type' ? (typeNames[i.expected] ?? i.expected) : '')))
            .filter((s, k, all) => s && all.indexOf(s) === k);
          out.push({ path: at, message: `must be ${expected.join(' or ')}, got ${describeValue(issue.input)}` });
        }
        break;
      }
      case 'too_small':
      case 'too_big': {
        const word = issue.code === 'too_small' ? 'at least' : 'at most';
        const what = issue.origin === 'array' ? 'items' : issue.origin === 'string' ? 'characters' : '';
        out.push({
          path: at,
          message: what ? `must have ${word} ${String(issue.code === 'too_small' ? issue.minimum : issue.maximum)} ${what}` : issue.message,
        });
        break;
      }
      case 'custom':
        out.push({ path: at, message: issue.input !== undefined && isScalar(issue.input) ? `${issue.message}, got ${describeValue(issue.input)}` : issue.message });
        break;
      default:
        out.push({ path: at, message: issue.message });
    }
  }
  return out;
}

function isScalar(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';
}
