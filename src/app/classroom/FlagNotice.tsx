/** A non-blocking message listing the classroom flags of the link that were ignored, and why. */
import { useCourseStore } from '../../store/index.ts';

export function FlagNotice() {
  const problems = useCourseStore((s) => s.flagProblems);
  const dismiss = useCourseStore((s) => s.dismissFlagProblems);
  if (problems.length === 0) return null;
  return (
    <div className="flag-notice" role="status" data-testid="flag-notice">
      <div>
        <strong>Some settings in this link were ignored:</strong>
        <ul>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="button button--small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
