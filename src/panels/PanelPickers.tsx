/** The bound node / edge pickers and the option selects of a panel card. */
import { useEffect, useId, useRef } from 'react';
import { useSimulationStore, useStores, type PanelConfig } from '../store/index.ts';
import type { PanelOption, PanelType } from './registry.ts';
import { Icon } from '../ui/icons.tsx';
import { weightProbeChoices } from './types/weightProbes.ts';

function Select({
  label,
  value,
  options,
  onChange,
  testId,
  hideLabel,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(v: string): void;
  testId?: string;
  hideLabel?: boolean;
}) {
  const id = useId();
  return (
    <label className="mini-field" htmlFor={id}>
      <span className={hideLabel ? 'visually-hidden' : undefined}>{label}</span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {!options.some((o) => o.value === value) && <option value={value}>{value || '—'}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const placeOf = (o: PanelOption) => (o.advanced ? 'advanced' : o.lead ? 'lead' : 'line');
const shownOptions = (config: PanelConfig, type: PanelType, place: 'lead' | 'line' | 'advanced') =>
  (type.options ?? []).filter((o) => (o.visible?.(config) ?? true) && placeOf(o) === place);

/**
 * The card's "Advanced" fold: estimator parameters behind one button, opened over the chart so the
 * chart keeps its height (Escape or a click outside closes it).
 */
export function AdvancedOptions({ config, type }: { config: PanelConfig; type: PanelType }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const el = ref.current;
      if (el?.open && !el.contains(e.target as Node)) el.open = false;
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, []);
  if (shownOptions(config, type, 'advanced').length === 0) return null;
  return (
    <details
      ref={ref}
      className="panel-advanced"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !ref.current?.open) return;
        e.stopPropagation();
        ref.current.open = false;
        ref.current.querySelector('summary')?.focus();
      }}
    >
      <summary className="icon-button panel-advanced__summary" aria-label="Advanced settings" title="Advanced settings: estimator and its parameters" data-testid="panel-advanced">
        <Icon name="gear" size={14} />
      </summary>
      <div className="panel-advanced__body" role="group" aria-label="Advanced settings">
        <PanelOptions config={config} type={type} place="advanced" />
      </div>
    </details>
  );
}

export function BindingPicker({ config, type }: { config: PanelConfig; type: PanelType }) {
  const nodes = useSimulationStore((s) => s.nodes);
  const edges = useSimulationStore((s) => s.edges);
  const { panels } = useStores();
  const update = (patch: Partial<PanelConfig>) => panels.getState().update(config.id, patch);
  if (type.binding === 'edge' || type.binding === 'square-edge') {
    const options = edges.filter((e) => type.acceptsEdge?.(e) ?? true).map((e) => ({ value: e.id, label: `${e.id} (${e.source}→${e.target})` }));
    return <Select label="Edge" value={config.edge ?? ''} options={options} onChange={(edge) => update({ edge })} testId="panel-edge" />;
  }
  const options = [
    ...nodes.filter((n) => type.accepts?.(n) ?? true).map((n) => ({ value: n.id, label: `${n.id} (${n.size})` })),
    ...(type.weightProbes ? weightProbeChoices(edges) : []),
  ];
  const chosen = config.nodes ?? [];
  const labels = type.bindingLabels ?? ['a', 'b'];
  const set = (i: number, id: string) => {
    const next = chosen.slice();
    next[i] = id;
    update({ nodes: next });
  };
  return (
    <>
      <Select label={type.binding === 'node-pair' ? labels[0] : 'Node'} value={chosen[0] ?? ''} options={options} onChange={(id) => set(0, id)} testId="panel-node" />
      {type.binding === 'node-pair' && (type.usesSecondNode?.(config) ?? true) && (
        <Select label={labels[1]} value={chosen[1] ?? chosen[0] ?? ''} options={options} onChange={(id) => set(1, id)} testId="panel-node-b" />
      )}
    </>
  );
}

/**
 * Options of a panel card: the plain ones that lead the line (before the node pickers), the other
 * plain ones, or those under the Advanced fold.
 */
export function PanelOptions({ config, type, place = 'line' }: { config: PanelConfig; type: PanelType; place?: 'lead' | 'line' | 'advanced' }) {
  const { panels } = useStores();
  return (
    <>
      {shownOptions(config, type, place).map((o) => (
        <Select
          key={o.key}
          label={o.label}
          hideLabel={o.hideLabel}
          value={String(config[o.key] ?? o.choices[0].value)}
          options={o.choices}
          onChange={(value) => panels.getState().update(config.id, { [o.key]: value })}
          testId={`panel-option-${o.key}`}
        />
      ))}
    </>
  );
}
