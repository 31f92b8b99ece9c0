/**
 * Toolbar buttons for the network's tasks: Train (when it has a readout) and Memory capacity
 * (when it has an input and a population of at least two units). Each opens its dialog (TrainDialog, MemoryCapacityDialog).
 * Below 2,000 px Memory capacity shows its icon only (its name stays for screen readers and in its title).
 */
import { kindRole, signalOf } from '../../model/index.ts';
import { useDocumentStore, useStores, useTaskResults } from '../../store/index.ts';
import { bpttReadout, openTrainingPanels } from './trainingPanels.ts';
import { Icon } from '../../ui/icons.tsx';

export function TaskButtons() {
  const hasReadout = useDocumentStore((s) => s.doc.nodes.some((n) => kindRole(n.kind) === 'readout'));
  // a memory needs several units: an input and a population of at least two to read
  const hasInput = useDocumentStore(
    (s) => s.doc.nodes.some((n) => signalOf(n) !== undefined) && s.doc.nodes.some((n) => kindRole(n.kind) === 'population' && Number((n.params as { size?: number }).size ?? 1) >= 2),
  );
  const running = useTaskResults((s) => s.running);
  const stores = useStores();
  const { tasks } = stores;
  const train = () => {
    const bptt = bpttReadout(stores.docs.getState().doc);
    if (bptt !== null) openTrainingPanels(stores, bptt);
    void tasks.getState().runTrain({ quiet: bptt !== null });
  };
  if (!hasReadout && !hasInput) return null;
  return (
    <div className="toolbar__group" role="group" aria-label="Tasks">
      {hasReadout && (
        <button
          type="button"
          className="button task-buttons__train"
          disabled={running !== null}
          title="Train every readout: washout, training and test windows from a reset, then report the errors (a BPTT training is followed live in the Loss and Gradient flow panels)"
          onClick={train}
        >
          {running === 'train' ? 'Training…' : 'Train'}
        </button>
      )}
      {hasInput && (
        <button
          type="button"
          className="button"
          disabled={running !== null}
          title="Jaeger's short-term memory capacity of a node"
          aria-label="Memory capacity…"
          onClick={() => tasks.getState().show('memory-capacity')}
        >
          <Icon name="memory" />
          <span className="button__text--wide">Memory capacity…</span>
        </button>
      )}
    </div>
  );
}
