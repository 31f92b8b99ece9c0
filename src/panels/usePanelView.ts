/**
 * Mounts a panel type's view into an element and keeps it drawn: it redraws on the shared
 * animation-frame scheduler whenever the live data changes (at most once per frame), never
 * through React rendering. A frozen panel ignores new frames.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useSimulationStore, type PanelConfig } from '../store/index.ts';
import type { LiveEvent } from '../store/probeWindow.ts';
import { usePanelRuntime } from './panelRuntime.ts';
import type { PanelView } from './registry.ts';
import { getPanelType } from './types/index.ts';

const RANK: Record<LiveEvent, number> = { frame: 0, structure: 1, reset: 2 };

/** The view of `config` in `host` (recreated when the config or the network changes). */
export function usePanelView(host: RefObject<HTMLDivElement | null>, config: PanelConfig, frozen: boolean): RefObject<PanelView | null> {
  const view = useRef<PanelView | null>(null);
  const frozenRef = useRef(frozen);
  const { context, scheduler, views } = usePanelRuntime();
  const nodes = useSimulationStore((s) => s.nodes);
  const edges = useSimulationStore((s) => s.edges);
  const key = JSON.stringify({ ...config, width: undefined });

  useEffect(() => {
    frozenRef.current = frozen;
  }, [frozen]);

  useEffect(() => {
    const el = host.current;
    const type = getPanelType(config.type);
    if (!el || !type) return;
    const v = type.create(el, config, context);
    view.current = v;
    views.set(config.id, { csv: () => v.chart.csv(), marks: () => v.chart.drawnMarks() });
    // What happened since the last draw: a reset outranks a new structure, which outranks frames.
    let pending: LiveEvent | null = null;
    const task = () => {
      const event = pending ?? 'frame';
      pending = null;
      v.draw(event);
    };
    const request = (event: LiveEvent) => {
      if (frozenRef.current && event === 'frame') return;
      if (pending === null || RANK[event] > RANK[pending]) pending = event;
      scheduler.schedule(task, event !== 'frame');
    };
    request('reset');
    const unsubscribe = context.live.subscribe(request);
    return () => {
      unsubscribe();
      scheduler.cancel(task);
      v.destroy();
      views.delete(config.id);
      view.current = null;
    };
    // The key stands for the config; nodes and edges: the network was (re)compiled.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, nodes, edges, host, context, scheduler, views]);

  return view;
}
