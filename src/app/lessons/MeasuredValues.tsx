/**
 * What the app measured for a step it checks by a measure: each value it compares ("—" until
 * measured) and, for a ratio, the ratio and what it needs.
 */
import { useDocumentStore, useLessonMeasurements } from '../../store/index.ts';
import { measuredIn, measuredValue, type CheckContext, type Predicate } from './checks.ts';
import { describeQuantity, quantityKey, shortLabel } from './measureMemory.ts';

const format = (v: number | null) => (v === null ? '—' : v.toPrecision(2));
const SYMBOLS: Record<string, string> = { '>=': '≥', '<=': '≤' };

export function MeasuredValues({ check }: { check: Predicate }) {
  const byKey = useLessonMeasurements((s) => s.byKey);
  const doc = useDocumentStore((s) => s.doc);
  const operands = measuredIn(check);
  if (operands.length === 0) return null;
  const q = operands[0].measured;
  const ctx: CheckContext = { doc, trace: () => null, measurements: (m) => byKey[quantityKey(m)] ?? [] };
  const values = operands.map((m) => measuredValue(m, ctx));
  const ratio = 'ratio' in check && values[0] !== null && values[1] !== null && values[1] > 0 ? values[0] / values[1] : null;
  return (
    <span className="try-this__measured" data-testid="measured-values" title={`The app measures the ${describeQuantity(q)}, once the network has run ${q.washout + q.window} steps after a change`}>
      {`Measured ${shortLabel(q)}: `}
      {operands.map((m, i) => (
        <span key={i}>
          {i > 0 && ' · '}
          <span className="try-this__value">
            {`${m.label ?? 'now'}: `}
            <b>{format(values[i])}</b>
          </span>
        </span>
      ))}
      {'ratio' in check && (
        <span>
          {' · '}
          <span className="try-this__value">
            {'ratio '}
            <b>{format(ratio)}</b>
            {` (needs ${SYMBOLS[check.op] ?? check.op} ${check.value})`}
          </span>
        </span>
      )}
    </span>
  );
}
