/**
 * Validation problems of the open document, by node and edge, for drawing them where they are.
 * Edits can leave the document invalid for a while (a size that no longer fits a matrix, a delay
 * set to 0 that closes a loop); the canvas shows why on the element, and the loop with its fix.
 */
import { useMemo } from 'react';
import { findZeroDelayLoop, validateDocument, type GraphDocument, type ValidationIssue, type ZeroDelayLoop } from '../model/index.ts';
import { useDocumentStore, useStores } from '../store/index.ts';

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

/** The issues of `doc` by element; `errors`: its validation errors (default: validates it now). */
export function documentIssues(doc: GraphDocument, errors: readonly ValidationIssue[] = validationErrors(doc)): DocumentIssues {
  const byNode = new Map<string, string[]>();
  const byEdge = new Map<string, string[]>();
  const other: ValidationIssue[] = [];
  for (const issue of errors) {
    const m = ELEMENT.exec(issue.path);
    const element = m ? (m[1] === 'nodes' ? doc.nodes : doc.edges)[Number(m[2])] : undefined;
    if (!m || !element) {
      other.push(issue);
      continue;
    }
    const map = m[1] === 'nodes' ? byNode : byEdge;
    map.set(element.id, [...(map.get(element.id) ?? []), m[3] ? `${m[3]}: ${issue.message}` : issue.message]);
  }
  const loop = findZeroDelayLoop(doc);
  return { ok: errors.length === 0, byNode, byEdge, other, loop: loop ? { ...loop, closingEdge: loop.edges[loop.edges.length - 1] } : null };
}

function validationErrors(doc: GraphDocument): ValidationIssue[] {
  const result = validateDocument(doc);
  return result.ok ? [] : result.errors;
}

/** The issues of the open document (validated once per change by the document store). */
export function useDocumentIssues(): DocumentIssues {
  const { docs } = useStores();
  const doc = useDocumentStore((s) => s.doc);
  return useMemo(() => documentIssues(doc, docs.getState().issuesOf(doc)), [doc, docs]);
}
