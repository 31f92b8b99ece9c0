/**
 * Validation problems of the open document, by node and edge, for drawing them where they are.
 * Edits can leave the document invalid for a while (a size that no longer fits a matrix, a delay
 * set to 0 that closes a loop); the canvas shows why on the element, and the loop with its fix.
 */
import { wasValidated } from '../store/documentStore.ts';
import { findZeroDelayLoop, validateDocument, type GraphDocument, type ValidationIssue, type ZeroDelayLoop } from '../model/index.ts';

export interface DocumentIssues {
  ok: boolean;
  /** Problems by node id, paths relative to the node ("params.leak: must be …"). */
  byNode: ReadonlyMap<string, string[]>;
  byEdge: ReadonlyMap<string, string[]>;
  /** Problems of the document itself (title, dt, …). */
  other: ValidationIssue[];
  /** A loop of delay-0 edges the compiler would reject, and the edge that closes it. */
  loop: (ZeroDelayLoop & { closingEdge: string }) | null;
}

const ELEMENT = /^(nodes|edges)\[(\d+)\]\.?(.*)$/;

export function documentIssues(doc: GraphDocument): DocumentIssues {
  // A document just loaded has been validated on the way in (a large one takes a while).
  const result = wasValidated(doc) ? ({ ok: true } as const) : validateDocument(doc);
  const byNode = new Map<string, string[]>();
  const byEdge = new Map<string, string[]>();
  const other: ValidationIssue[] = [];
  if (!result.ok) {
    for (const issue of result.errors) {
      const m = ELEMENT.exec(issue.path);
      const element = m ? (m[1] === 'nodes' ? doc.nodes : doc.edges)[Number(m[2])] : undefined;
      if (!m || !element) {
        other.push(issue);
        continue;
      }
      const map = m[1] === 'nodes' ? byNode : byEdge;
      map.set(element.id, [...(map.get(element.id) ?? []), m[3] ? `${m[3]}: ${issue.message}` : issue.message]);
    }
  }
  const loop = findZeroDelayLoop(doc);
  return { ok: result.ok, byNode, byEdge, other, loop: loop ? { ...loop, closingEdge: loop.edges[loop.edges.length - 1] } : null };
}

/**
 * What validation depends on, compared by identity: moving a node replaces the node object but
 * keeps its params, so a drag does not re-validate.
 */
function structureKey(doc: GraphDocument): unknown[] {
  const key: unknown[] = [doc.edges, doc.dt, doc.seed, doc.title, doc.description];
  for (const n of doc.nodes) key.push(n.id, n.kind, n.params, n.label);
  return key;
}

let cache: { key: unknown[]; issues: DocumentIssues } | null = null;

/** documentIssues, re-computed only when something other than positions changed. */
export function cachedDocumentIssues(doc: GraphDocument): DocumentIssues {
  const key = structureKey(doc);
  if (cache && cache.key.length === key.length && cache.key.every((v, i) => v === key[i])) return cache.issues;
  cache = { key, issues: documentIssues(doc) };
  return cache.issues;
}
