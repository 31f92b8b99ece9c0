/**
 * The message of a loop the compiler rejects (every edge of it has delay 0), drawn over the
 * canvas while the loop exists, with the one-click fix: delay the edge that closed it by 1.
 */
import type { DocumentIssues } from './issues.ts';
import { useCommands } from './commands/appContext.ts';

export function LoopBanner({ issues }: { issues: DocumentIssues }) {
  const loop = issues.loop;
  const { run } = useCommands();
  if (!loop) return null;
  return (
    <div className="loop-banner" role="alert" data-testid="loop-banner">
      <p className="loop-banner__text">
        <strong>This loop has no delay:</strong> {loop.nodes.join(' → ')} (edges {loop.edges.join(', ')} all have delay 0). In one step each
        node would need the others' output of the same step, so there is no order to update them in. Give one edge of the loop a delay.
      </p>
      <button type="button" className="button button--primary" onClick={() => void run('edge.delayByOne', { id: loop.closingEdge })}>
        Delay edge {loop.closingEdge} by 1
      </button>
    </div>
  );
}
