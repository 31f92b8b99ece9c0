/** Resets a lesson's progress: clears its ticks and reloads its network (after a confirmation in place). */
import { useState } from 'react';
import { useStores } from '../../store/index.ts';
import { openLesson } from './openLesson.ts';

export function StartOver({ lesson, done }: { lesson: string; done: number }) {
  const [asking, setAsking] = useState(false);
  const stores = useStores();
  if (!asking) {
    return (
      <button type="button" className="button button--small" disabled={done === 0} onClick={() => setAsking(true)} title="Clear this lesson's ticks and reload its network">
        Start over…
      </button>
    );
  }
  const startOver = () => {
    setAsking(false);
    // Reload first, so no check sees the old network once the ticks are gone.
    openLesson(stores, lesson);
    stores.course.getState().resetLesson(lesson);
  };
  return (
    <span className="start-over" role="group" aria-label="Start the lesson over">
      <span>{`Clear ${done} tick${done === 1 ? '' : 's'} and reload the network?`}</span>
      <button type="button" className="button button--small button--primary" onClick={startOver}>
        Start over
      </button>
      <button type="button" className="button button--small" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
