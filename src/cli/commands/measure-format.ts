/** The human-readable output of `recurrence measure` (the JSON output is the MeasureOutput object itself). */
import type { MeasureOutput } from './measure-run.ts';

/** One human-readable line (plus one line per local value with --local). */
export function formatMeasure(out: MeasureOutput): string {
  const what = out.input.series !== undefined ? out.input.series : `${out.input.source} → ${out.input.dest}`;
  const params = Object.entries(out.params)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  let line = `${out.measure} of ${what} (${out.estimator}${params ? `, ${params}` : ''}): ${out.average.toPrecision(6)} ${out.units} over ${out.samples} samples`;
  if (out.p !== undefined && out.surrogates !== undefined) {
    line += `; p = ${out.p.toPrecision(3)} from ${out.surrogates.count} surrogates (seed ${out.surrogates.seed}, surrogate mean ${out.surrogates.mean.toPrecision(3)} ± ${out.surrogates.std.toPrecision(3)})`;
  }
  let text = `${line}\n`;
  if (out.locals !== undefined) {
    const from = out.locals_valid_from ?? 0;
    text += `# local values, t<TAB>value${from > 0 ? ` (t < ${from} is padding)` : ''}\n`;
    text += out.locals.map((v, t) => `${t}\t${v}`).join('\n') + '\n';
  }
  return text;
}
