/**
 * The teacher's Class panel: every student's record as a table (names shown as text, never
 * markup), a scatter plot of any two measured values or settings across students (e.g. memory
 * capacity against reservoir size), live, and the table as CSV.
 */
import { useMemo, useState } from 'react';
import { downloadText } from '../../../store/files.ts';
import { useClassState, useLiveClassroom } from './context.tsx';
import { classCsv, classTable, type ClassRow } from './results.ts';

const fmt = (v: number | undefined) => (v === undefined ? '–' : Math.abs(v) >= 1000 || (v !== 0 && Math.abs(v) < 0.001) ? v.toExponential(2) : String(Number(v.toPrecision(4))));

export function ClassPanel() {
  const classroom = useLiveClassroom();
  const records = useClassState((s) => s.records);
  const online = useClassState((s) => s.online);
  const room = useClassState((s) => s.room);
  const table = useMemo(() => classTable(records, new Set(online)), [records, online]);
  const [x, setX] = useState<string | null>(null);
  const [y, setY] = useState<string | null>(null);
  const xCol = x && table.columns.includes(x) ? x : (table.columns.find((c) => c.endsWith('.size')) ?? table.columns[1] ?? table.columns[0] ?? null);
  const yCol = y && table.columns.includes(y) ? y : (table.columns.find((c) => c !== xCol) ?? null);

  return (
    <aside className="class-panel" aria-label="Class" data-testid="class-panel">
      <header className="class-panel__header">
        <h2>Class {room}</h2>
        <span>
          {table.rows.length} student{table.rows.length === 1 ? '' : 's'}, {online.length} online
        </span>
        <button type="button" className="button" onClick={() => downloadText(classCsv(table), `class-${room}.csv`, 'text/csv')} disabled={table.rows.length === 0}>
          Export CSV
        </button>
        <button type="button" className="button" aria-label="Close the Class panel" onClick={() => classroom.state.getState().set({ panelOpen: false })}>
          ×
        </button>
      </header>
      {table.rows.length === 0 ? (
        <p className="class-panel__empty">No student has joined yet. They open the link with ?room={room}.</p>
      ) : (
        <>
          <div className="class-panel__table-wrap">
            <table className="class-panel__table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Mode</th>
                  <th scope="col">Steps</th>
                  {table.columns.map((c) => (
                    <th scope="col" key={c}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.id} data-testid="class-row">
                    <th scope="row">
                      <span className={`class-buttons__dot${r.online ? ' class-buttons__dot--on' : ''}`} aria-label={r.online ? 'online' : 'offline'} /> {r.name}
                    </th>
                    <td>{r.following ? 'following' : 'exploring'}</td>
                    <td>{r.ticks}</td>
                    {table.columns.map((c) => (
                      <td key={c}>{fmt(r.values[c])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {xCol && yCol && (
            <figure className="class-panel__plot">
              <figcaption>
                <AxisSelect label="y" name="Vertical axis" columns={table.columns} value={yCol} onChange={setY} /> against{' '}
                <AxisSelect label="x" name="Horizontal axis" columns={table.columns} value={xCol} onChange={setX} />
              </figcaption>
              <Scatter rows={table.rows} x={xCol} y={yCol} />
            </figure>
          )}
        </>
      )}
    </aside>
  );
}

function AxisSelect({ label, name, columns, value, onChange }: { label: string; name: string; columns: string[]; value: string; onChange(c: string): void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={name}>
        {columns.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
    </label>
  );
}

const W = 360;
const H = 220;
const M = { left: 58, right: 12, top: 10, bottom: 34 };

/** Round tick values spanning [lo, hi]. */
function ticks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * mag).find((s) => span / s <= count) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function Scatter({ rows, x, y }: { rows: ClassRow[]; x: string; y: string }) {
  const points = rows.filter((r) => r.values[x] !== undefined && r.values[y] !== undefined);
  const xs = points.map((p) => p.values[x]);
  const ys = points.map((p) => p.values[y]);
  const pad = (lo: number, hi: number) => (lo === hi ? [lo - 1, hi + 1] : [lo - (hi - lo) * 0.08, hi + (hi - lo) * 0.08]);
  const [x0, x1] = points.length ? pad(Math.min(...xs), Math.max(...xs)) : [0, 1];
  const [y0, y1] = points.length ? pad(Math.min(...ys), Math.max(...ys)) : [0, 1];
  const sx = (v: number) => M.left + ((v - x0) / (x1 - x0)) * (W - M.left - M.right);
  const sy = (v: number) => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  return (
    <svg className="class-panel__scatter" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${y} against ${x}, ${points.length} students`} data-testid="class-scatter">
      <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="class-panel__axis" />
      <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} className="class-panel__axis" />
      {ticks(x0, x1).map((t) => (
        <text key={`x${t}`} x={sx(t)} y={H - M.bottom + 14} textAnchor="middle" className="class-panel__tick">
          {fmt(t)}
        </text>
      ))}
      {ticks(y0, y1).map((t) => (
        <text key={`y${t}`} x={M.left - 5} y={sy(t) + 4} textAnchor="end" className="class-panel__tick">
          {fmt(t)}
        </text>
      ))}
      <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="class-panel__label">
        {x}
      </text>
      <text transform={`translate(11 ${(M.top + H - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="class-panel__label">
        {y}
      </text>
      {points.map((p) => (
        <circle key={p.id} cx={sx(p.values[x])} cy={sy(p.values[y])} r={5} className="class-panel__point" data-testid="class-point">
          <title>{`${p.name}: ${x} = ${fmt(p.values[x])}, ${y} = ${fmt(p.values[y])}`}</title>
        </circle>
      ))}
      {points.length === 0 && (
        <text x={W / 2} y={H / 2} textAnchor="middle" className="class-panel__label">
          No student has both values yet
        </text>
      )}
    </svg>
  );
}
