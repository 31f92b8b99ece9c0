/**
 * Reading the series `recurrence measure` works on: from a file (`--input`: CSV with a header
 * row, or JSON {"NAME": [numbers], …}) or from a simulation (`--doc`, measure-doc.ts). Every
 * series is checked finite; errors name the flag, the file and the place.
 */
import { CliError } from '../errors.ts';
import { readText } from '../load.ts';
import { seriesFromSimulation } from './measure-doc.ts';
import { USAGE, type MeasureCliOptions } from './measure-options.ts';

/** Named series, from a file today and from a simulation later. */
export interface SeriesSource {
  /** Where the data come from, for messages and the JSON output (e.g. the file path). */
  readonly origin: string;
  /** The series called `name`, checked finite; `flag` names the option that asked for it. */
  get(name: string, flag: string): Float64Array;
}

/** Picks the data source from the options: `--input FILE` or `--doc GRAPH.json` (a simulation). */
export function resolveSeriesSource(opts: MeasureCliOptions): SeriesSource {
  if (opts.input !== undefined && opts.doc !== undefined) throw new CliError('give either --input FILE or --doc GRAPH.json, not both', USAGE);
  if (opts.input !== undefined) return seriesFromFile(opts.input);
  if (opts.doc !== undefined) return seriesFromSimulation({ doc: opts.doc, steps: opts.steps, seed: opts.seed, probe: opts.probe });
  throw new CliError('--input FILE is required (a CSV with a header row or a JSON object of arrays), or --doc GRAPH.json --steps N --probe ID[i]', USAGE);
}

/** Reads a CSV (header row, one column per series) or JSON ({"NAME": [numbers], …}) file. */
export function seriesFromFile(file: string): SeriesSource {
  const text = readText(file);
  const trimmed = text.trimStart();
  const isJson = /\.json$/i.test(file) || (!/\.csv$/i.test(file) && trimmed.startsWith('{'));
  return isJson ? seriesFromJson(file, text) : seriesFromCsv(file, text);
}

function unknownSeries(file: string, name: string, flag: string, available: string[]): CliError {
  const list = available.length > 8 ? `${available.slice(0, 8).join(', ')}, …` : available.join(', ');
  return new CliError(`${flag} ${name}: no series named "${name}" in ${file} (available: ${list})`);
}

function seriesFromJson(file: string, text: string): SeriesSource {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new CliError(`--input ${file}: invalid JSON (${(err as Error).message.split('\n')[0]})`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new CliError(`--input ${file}: expected a JSON object {"NAME": [numbers], …}`);
  }
  const obj = doc as Record<string, unknown>;
  return {
    origin: file,
    get(name, flag) {
      if (!Object.prototype.hasOwnProperty.call(obj, name)) throw unknownSeries(file, name, flag, Object.keys(obj));
      const values = obj[name];
      if (!Array.isArray(values)) throw new CliError(`${flag} ${name}: "${name}" in ${file} is not an array of numbers`);
      const out = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const v: unknown = values[i];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new CliError(`${flag} ${name}: ${file} "${name}"[${i}] is not a finite number (${JSON.stringify(v)})`);
        }
        out[i] = v;
      }
      return out;
    },
  };
}

function splitCsvLine(line: string): string[] {
  return line.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}

function seriesFromCsv(file: string, text: string): SeriesSource {
  const lines = text.split(/\r?\n/);
  const rows: { line: number; fields: string[] }[] = [];
  let header: string[] | null = null;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const fields = splitCsvLine(line);
    if (header === null) {
      header = fields;
      return;
    }
    rows.push({ line: i + 1, fields });
  });
  if (header === null) throw new CliError(`--input ${file}: empty CSV (expected a header row naming the series)`);
  const names: string[] = header;
  const seen = new Set<string>();
  names.forEach((h, c) => {
    if (h === '') throw new CliError(`--input ${file}: header column ${c + 1} has no name`);
    if (seen.has(h)) throw new CliError(`--input ${file}: header names "${h}" twice`);
    seen.add(h);
  });
  for (const r of rows) {
    if (r.fields.length !== names.length) {
      throw new CliError(`--input ${file}: line ${r.line} has ${r.fields.length} fields but the header has ${names.length}`);
    }
  }
  return {
    origin: file,
    get(name, flag) {
      const c = names.indexOf(name);
      if (c < 0) throw unknownSeries(file, name, flag, names);
      const out = new Float64Array(rows.length);
      rows.forEach((r, i) => {
        const f = r.fields[c];
        const v = f === '' ? Number.NaN : Number(f);
        if (!Number.isFinite(v)) {
          throw new CliError(`${flag} ${name}: ${file} line ${r.line}: "${f}" is not a finite number`);
        }
        out[i] = v;
      });
      return out;
    },
  };
}
