/** Reading files for the CLI: every failure becomes a one-line CliError. */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatIssue, parseDocumentText, type GraphDocument, type ValidationIssue } from '../model/index.ts';
import { CliError } from './errors.ts';

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code ?? 'cannot be read';
    throw new CliError(`${file}: ${reason}`);
  }
}

/** Reads and validates a document; returns it or the validation issues. */
export function readDocument(file: string): { ok: true; doc: GraphDocument } | { ok: false; errors: ValidationIssue[] } {
  return parseDocumentText(readText(file));
}

/** Reads a document or throws a one-line CliError naming its first problem. */
export function loadDocument(file: string): GraphDocument {
  const result = readDocument(file);
  if (result.ok) return result.doc;
  const first = formatIssue(result.errors[0]);
  const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more; see 'recurrence validate ${file}')` : '';
  throw new CliError(`${file} is not a valid document: ${first}${more}`);
}

/** Parses a whole-number option, naming the flag when it is not one. */
export function parseIntOption(flag: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new CliError(`${flag} must be a whole number in [${min}, ${max}], got "${value}"`);
  }
  return n;
}

/** Writes a command's output to `--out PATH` when given, else to standard output. */
export function writeOutput(text: string, out: string | undefined): void {
  if (!out) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (err) {
    throw new CliError(`--out ${out}: ${(err as NodeJS.ErrnoException).code ?? 'cannot write'}`);
  }
}

/** Commander's collector for a repeatable option (`--probe A --probe B`). */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
