/** The memory-capacity task's forgetting curve: r²(k) for each delay k, as bars (SVG, no axes library needed). */
const WIDTH = 520;
const HEIGHT = 176;
const PAD = { left: 48, right: 8, top: 8, bottom: 36 };

export function ForgettingCurve({ curve }: { curve: readonly number[] }) {
  const w = WIDTH - PAD.left - PAD.right;
  const h = HEIGHT - PAD.top - PAD.bottom;
  const bar = w / Math.max(1, curve.length);
  const y = (r2: number) => PAD.top + h * (1 - Math.min(1, Math.max(0, r2)));
  const ticks = [0, 0.5, 1];
  const every = Math.max(1, Math.ceil(curve.length / 10));
  return (
    <svg className="forgetting-curve" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`forgetting curve: r² for delays 1 to ${curve.length}`} data-testid="forgetting-curve">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} className="forgetting-curve__grid" />
          <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="forgetting-curve__label">
            {t}
          </text>
        </g>
      ))}
      {curve.map((r2, k) => (
        <rect key={k} x={PAD.left + k * bar + 0.5} width={Math.max(1, bar - 1)} y={y(r2)} height={PAD.top + h - y(r2)} className="forgetting-curve__bar" data-delay={k + 1}>
          <title>{`k = ${k + 1}: r² = ${r2.toFixed(3)}`}</title>
        </rect>
      ))}
      {curve.map((_, k) =>
        (k + 1) % every === 0 || k === 0 ? (
          <text key={`t${k}`} x={PAD.left + (k + 0.5) * bar} y={HEIGHT - PAD.bottom + 14} textAnchor="middle" className="forgetting-curve__label">
            {k + 1}
          </text>
        ) : null,
      )}
      <text x={PAD.left + w / 2} y={HEIGHT - 6} textAnchor="middle" className="forgetting-curve__label">
        delay k (steps)
      </text>
      <text x={12} y={PAD.top + h / 2} textAnchor="middle" transform={`rotate(-90 12 ${PAD.top + h / 2})`} className="forgetting-curve__label">
        r²
      </text>
    </svg>
  );
}
