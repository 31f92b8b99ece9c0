/**
 * One panel in the panels region: a header (title, actions; bound node/edge pickers and
 * options) over the chart, which its PanelView draws outside React. Cards can be frozen,
 * exported, moved left/right, resized (drag the right edge, or arrow keys on it) and removed.
 */
import { useRef, useState } from 'react';
import { useStores, type PanelConfig } from '../store/index.ts';
import { usePanelView } from './usePanelView.ts';
import { getPanelType } from './types/index.ts';
import { AdvancedOptions, BindingPicker, PanelOptions } from './PanelPickers.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { ResizeHandle } from './ResizeHandle.tsx';

/**
 * Cards wrap into rows (panels.css): a card without a width of its own starts from the panel
 * basis and shares its row's spare width; a card resized by hand keeps its width (up to the row).
 */
const sizeStyle = (width: number | undefined) => (width ? { flex: `0 1 ${width}px`, maxWidth: '100%' } : undefined);

export function PanelCard({ config, index, count }: { config: PanelConfig; index: number; count: number }) {
  const host = useRef<HTMLDivElement>(null);
  const card = useRef<HTMLElement>(null);
  const [frozen, setFrozen] = useState(false);
  const view = usePanelView(host, config, frozen);
  const type = getPanelType(config.type);
  const layout = useStores().panels.getState();
  const title = type?.title ?? `Unknown panel "${config.type}"`;
  const bound = config.edge ?? config.nodes?.join(' · ') ?? '';
  return (
    <section
      ref={card}
      className={type?.wide ? 'panel-card panel-card--wide' : 'panel-card'}
      style={sizeStyle(config.width)}
      aria-label={`${title} ${bound}`}
      data-testid={`panel-${config.type}`}
      data-panel-id={config.id}
    >
      <header className="panel-card__header">
        <div className="panel-card__row">
          <h3 className="panel-card__title" title={type?.description}>
            {title}
          </h3>
          <div className="panel-card__actions">
            <button type="button" className="icon-button" aria-pressed={frozen} title={frozen ? 'Unfreeze: follow the run again' : 'Freeze: keep this view while the run goes on'} onClick={() => setFrozen(!frozen)}>
              {frozen ? '▶' : '❄'}
            </button>
            <ExportMenu view={view} name={`${config.type}-${bound || 'panel'}`} />
            <button type="button" className="icon-button" title="Move left" aria-label="Move panel left" disabled={index === 0} onClick={() => layout.move(config.id, -1)}>
              ◀
            </button>
            <button type="button" className="icon-button" title="Move right" aria-label="Move panel right" disabled={index === count - 1} onClick={() => layout.move(config.id, 1)}>
              ▶
            </button>
            <button type="button" className="icon-button" title="Remove panel" aria-label={`Remove ${title} panel`} onClick={() => layout.remove(config.id)}>
              ✕
            </button>
          </div>
        </div>
        {type && (
          <div className="panel-card__row panel-card__row--controls">
            <PanelOptions config={config} type={type} place="lead" />
            <BindingPicker config={config} type={type} />
            <PanelOptions config={config} type={type} />
            <AdvancedOptions config={config} type={type} />
          </div>
        )}
      </header>
      <div className="panel-card__body" ref={host} data-testid="panel-chart" />
      <ResizeHandle target={card} onDone={(width) => layout.update(config.id, { width })} />
    </section>
  );
}
