/**
 * Toolbar buttons for the network's tasks: Train (when it has a readout) and Memory capacity
 * (when an input drives other nodes). Each opens its dialog (TrainDialog, MemoryCapacityDialog).
 */
import { useDocumentStore, useTaskResults } from '../../store/index.ts';

export function TaskButtons() {
  const hasReadout = useDocumentStore((s) => s.doc.nodes.some((n) => n.kind === 'readout'));
  const hasInput = useDocumentStore((s) => s.doc.nodes.some((n) => n.kind === 'input') && s.doc.nodes.some((n) => n.kind !== 'input'));
  const running = useTaskResults((s) => s.running);
  if (!hasReadout && !hasInput) return null;
  return (
    <div className="toolbar__group" role="group" aria-label="Tasks">
      {hasReadout && (
        <button
          type="button"
          className="button"
          disabled={running !== null}
          title="Train every readout: washout, training and test windows from a reset, then report the errors"
          onClick={() => void useTaskResults.getState().runTrain()}
        >
          {running === 'train' ? 'Training…' : 'Train'}
        </button>
      )}
      {hasInput && (
        <button type="button" className="button" disabled={running !== null} title="Jaeger's short-term memory capacity of a node" onClick={() => useTaskResults.getState().show('memory-capacity')}>
          Memory capacity…
        </button>
      )}
    </div>
  );
}
