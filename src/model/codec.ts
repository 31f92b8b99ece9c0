/**
 * Reading and writing documents as text: JSON parse errors become validation issues, and
 * saving writes stable, indented JSON.
 */
import type { GraphDocument } from './document.ts';
import type { ValidationIssue } from './issues.ts';
import { validateDocument, type ValidationResult } from './validate.ts';

/** Parses and validates the text of a document file. */
export function parseDocumentText(text: string): ValidationResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, errors: [{ path: '(root)', message: `not valid JSON (${reason})` } satisfies ValidationIssue] };
  }
  return validateDocument(raw);
}

/** The text saved to a .json file. */
export function serializeDocument(doc: GraphDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
