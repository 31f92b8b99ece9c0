/**
 * Derived facts of an edge, from the running network's current weights: the matrix shape, the
 * synapses drawn (and how many the rule draws on average), and the spectral radius of square
 * matrices — so a student sees what "connectivity 0.1, ρ 0.9" produced. The stepping worker
 * counts, the analysis worker computes the radius; nothing of it runs on the page's thread.
 */
import { useEffect, useState } from 'react';
import { useSimulationStore, useStores } from '../../store/index.ts';
import type { AnalysisProgress, EdgeFactsView } from '../../store/simulationStore.ts';

export type EdgeFactsState = { facts: EdgeFactsView } | { pending: true } | { error: string };

/** The analysis key of the inspector's spectral radius (one at a time: a newer request cancels the older). */
export const EDGE_FACTS_KEY = 'inspector:edge-facts';

/** The radius's run while it lasts (what the inspector shows as "computing ρ… 40 %"), null otherwise. */
export function useRadiusProgress(): AnalysisProgress | null {
  return useSimulationStore((s) => s.analyses[EDGE_FACTS_KEY] ?? null);
}

/**
 * The facts of `edge`, fetched again whenever the network changes (an edit reached the engine)
 * and when `attempt` changes (Compute again after a cancel).
 */
export function useEdgeFacts(edge: string, attempt = 0): EdgeFactsState {
  const { sim } = useStores();
  const version = useSimulationStore((s) => s.version);
  const [state, setState] = useState<{ key: string; value: EdgeFactsState } | null>(null);
  const key = `${edge}@${version}#${attempt}`;
  useEffect(() => {
    let current = true;
    void sim
      .getState()
      .edgeFacts(edge, EDGE_FACTS_KEY)
      .then((out) => {
        // of an older network (or refused as such): the version's change asks again
        if (!current || (out.ok && out.version !== sim.getState().version) || (!out.ok && !out.cancelled && out.stale)) return;
        if (out.ok) setState({ key, value: { facts: out.value } });
        else if (!out.cancelled) setState({ key, value: { error: out.error } });
      });
    return () => {
      current = false;
    };
  }, [sim, edge, key]);
  return state?.key === key ? state.value : { pending: true };
}
