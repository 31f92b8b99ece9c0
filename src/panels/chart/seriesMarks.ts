/**
 * The vector marks of named series, shared by the line charts (TimeSeriesChart, LogLineChart):
 * one path per series, keyed by its name, coloured by its index, dashed when it says so, and
 * dots for points a line cannot show well (sparse values, a single value).
 */
import type * as d3 from 'd3';

type Marks = d3.Selection<SVGGElement, unknown, null, undefined>;

/** A series as the marks see it. */
export interface NamedSeries {
  name: string;
  dashed?: boolean;
}

/** One `<path class=cls data-series=name>` per series, stroke `color(i)`, dashed with `dash` when `dashed`, its shape from `path`. */
export function seriesLines<S extends NamedSeries>(marks: Marks, cls: string, series: readonly S[], style: { color(i: number): string; dash: string; path(s: S): string }): void {
  marks
    .selectAll<SVGPathElement, S>(`path.${cls}`)
    .data(series, (s) => s.name)
    .join('path')
    .attr('class', cls)
    .attr('data-series', (s) => s.name)
    .attr('fill', 'none')
    .attr('stroke', (_, i) => style.color(i))
    .attr('stroke-dasharray', (s) => (s.dashed ? style.dash : null))
    .attr('d', (s) => style.path(s));
}

/** A dot of series `i` at pixel (x, y). */
export interface SeriesDot {
  i: number;
  x: number;
  y: number;
}

/** One `<circle class=cls>` of radius `r` per dot, filled with its series' colour. */
export function seriesDots(marks: Marks, cls: string, dots: readonly SeriesDot[], style: { color(i: number): string; r: number }): void {
  marks
    .selectAll<SVGCircleElement, SeriesDot>(`circle.${cls}`)
    .data(dots)
    .join('circle')
    .attr('class', cls)
    .attr('r', style.r)
    .attr('cx', (p) => p.x)
    .attr('cy', (p) => p.y)
    .attr('fill', (p) => style.color(p.i));
}
