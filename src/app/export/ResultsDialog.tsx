/**
 * Simulation results beside the engine: a rates table (engine vs imported, their ratio) and, per
 * population in its own colour, the imported raster next to the engine's raster of the same
 * document over the same duration.
 */
import { useEffect, useRef } from 'react';
import { Dialog } from '../../editor/Dialog.tsx';
import { SpikeTimesChart } from '../../panels/chart/SpikeTimesChart.ts';
import type { CompareReply } from '../../export/worker/tasks.ts';

type Comparison = Extract<CompareReply, { ok: true }>;

/** One colour per population (Tableau 10). */
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];

function Raster({ spikes, durationMs, color, label, title, testId }: { spikes: number[][]; durationMs: number; color: string; label: string; title: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = new SpikeTimesChart(ref.current!, { title, xLabel: 'time (ms)', yLabel: 'cell' });
    chart.update({ spikes, durationMs, color, label });
    return () => chart.destroy();
  }, [spikes, durationMs, color, label, title]);
  return <div ref={ref} className="results__raster" data-testid={testId} style={{ position: 'relative', height: 220, flex: 1, minWidth: 0 }} />;
}

export function ResultsDialog({ result, fileName, onClose }: { result: Comparison | null; fileName: string; onClose(): void }) {
  const fmt = (x: number) => x.toFixed(2);
  return (
    <Dialog open={result !== null} onClose={onClose} title={`Simulation results: ${fileName}`} testId="results-dialog" wide>
      {result && (
        <div className="results">
          <p>
            {result.simulator} on {result.processes} process{result.processes === 1 ? '' : 'es'}, {result.duration_ms} ms, beside the engine's run of the open network (its seed,
            the same duration).
          </p>
          <table className="results__rates" data-testid="results-rates" style={{ borderCollapse: 'separate', borderSpacing: '14px 2px', marginLeft: -14, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
            <thead>
              <tr style={{ borderBottom: '1px solid currentColor' }}>
                <th style={{ textAlign: 'left', paddingRight: 16 }}>population</th>
                <th>cells</th>
                <th>engine (Hz)</th>
                <th>{result.simulator} (Hz)</th>
                <th>ratio</th>
              </tr>
            </thead>
            <tbody>
              {result.populations.map((p, i) => (
                <tr key={p.id}>
                  <td style={{ textAlign: 'left', paddingRight: 16 }}>
                    <span aria-hidden="true" style={{ color: COLORS[i % COLORS.length] }}>
                      ■{' '}
                    </span>
                    {p.id}
                  </td>
                  <td>{p.size}</td>
                  <td>{fmt(p.engine_hz)}</td>
                  <td>{fmt(p.imported_hz)}</td>
                  <td>{p.ratio === null ? '—' : p.ratio.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.populations.map((p, i) => (
            <section key={p.id} aria-label={`population ${p.id}`} style={{ display: 'flex', gap: 8, marginTop: 8 }}>
              <Raster
                spikes={p.importedSpikes}
                durationMs={result.duration_ms}
                color={COLORS[i % COLORS.length]}
                label={`${p.id}, ${result.simulator}: ${fmt(p.imported_hz)} Hz`}
                title={`${p.id} (${result.simulator})`}
                testId={`results-raster-imported-${p.id}`}
              />
              <Raster
                spikes={p.engineSpikes}
                durationMs={result.duration_ms}
                color={COLORS[i % COLORS.length]}
                label={`${p.id}, engine: ${fmt(p.engine_hz)} Hz`}
                title={`${p.id} (engine)`}
                testId={`results-raster-engine-${p.id}`}
              />
            </section>
          ))}
        </div>
      )}
    </Dialog>
  );
}
