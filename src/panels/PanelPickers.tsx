/** The bound node / edge pickers and the option selects of a panel card. */
import { useId } from 'react';
import { useSimulationStore, useStores, type PanelConfig } from '../store/index.ts';
import type { PanelType } from './registry.ts';

function Select({ label, value, options, onChange, testId }: { label: string; value: string; options: { value: string; label: string }[]; onChange(v: string): void; testId?: string }) {
  const id = useId();
  return (
    <label className="mini-field" htmlFor={id}>
      <span>{label}</span>
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

export function BindingPicker({ config, type }: { config: PanelConfig; type: PanelType }) {
  const nodes = useSimulationStore((s) => s.nodes);
  const edges = useSimulationStore((s) => s.edges);
  const { panels } = useStores();
  const update = (patch: Partial<PanelConfig>) => panels.getState().update(config.id, patch);
  if (type.binding === 'edge' || type.binding === 'square-edge') {
    const options = edges.filter((e) => type.acceptsEdge?.(e) ?? true).map((e) => ({ value: e.id, label: `${e.id} (${e.source}→${e.target})` }));
    return <Select label="Edge" value={config.edge ?? ''} options={options} onChange={(edge) => update({ edge })} testId="panel-edge" />;
  }
  const options = nodes.filter((n) => type.accepts?.(n) ?? true).map((n) => ({ value: n.id, label: `${n.id} (${n.size})` }));
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

export function PanelOptions({ config, type }: { config: PanelConfig; type: PanelType }) {
  const { panels } = useStores();
  return (
    <>
      {(type.options ?? []).filter((o) => o.visible?.(config) ?? true).map((o) => (
        <Select
          key={o.key}
          label={o.label}
          value={String(config[o.key] ?? o.choices[0].value)}
          options={o.choices}
          onChange={(value) => panels.getState().update(config.id, { [o.key]: value })}
          testId={`panel-option-${o.key}`}
        />
      ))}
    </>
  );
}
