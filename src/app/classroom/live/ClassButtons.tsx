/**
 * The toolbar's classroom buttons: "Start a class" and "Join a class" (typing the code) without
 * a room; in a room, its code and who is there, then the teacher's "Gather" and "Class" or the
 * student's "Explore on my own" / "Follow the teacher".
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useEditorStore } from '../../../store/index.ts';
import { useClassState, useLiveClassroom } from './context.tsx';
import { joinTypedCode, startClassFromPage } from './liveClassroom.ts';
import { Icon } from '../../../ui/icons.tsx';

export function ClassButtons() {
  const classroom = useLiveClassroom();
  const room = useClassState((s) => s.room);
  const role = useClassState((s) => s.role);
  const following = useClassState((s) => s.following);
  const students = useClassState((s) => s.studentsOnline);
  const connected = useClassState((s) => s.connected);
  const panelOpen = useClassState((s) => s.panelOpen);
  const toast = useEditorStore((s) => s.toast);
  const [starting, setStarting] = useState(false);
  const [joining, setJoining] = useState(false);

  if (!room) {
    const start = async () => {
      setStarting(true);
      try {
        await startClassFromPage(classroom);
      } catch (err) {
        toast(err instanceof Error ? err.message : String(err), 'error');
      } finally {
        setStarting(false);
      }
    };
    return (
      <div className="class-buttons" role="group" aria-label="Live class">
        {!joining && (
          <button
            type="button"
            className="button"
            onClick={() => void start()}
            disabled={starting}
            aria-label="Start a class"
            title="Start a class: students follow your network and send their results"
          >
            <Icon name="broadcast" />
            <span className="button__text--wide">Start a class</span>
          </button>
        )}
        <JoinByCode open={joining} setOpen={setJoining} />
      </div>
    );
  }
  // Below 2,000 px the words "Class" and "students" and the buttons' words go (names stay for screen
  // readers and in the titles), so the toolbar keeps one row in a class too.
  const who = `Class ${room}${role === 'teacher' ? ` · ${students} student${students === 1 ? '' : 's'}` : ''}`;
  return (
    <div className="class-buttons" role="group" aria-label="Live class">
      <span className="class-buttons__room" data-testid="class-room" title={`${who} — ${connected ? 'connected' : 'not connected'}`}>
        <span className={`class-buttons__dot${connected ? ' class-buttons__dot--on' : ''}`} aria-hidden="true" />
        <span className="visually-hidden">{who}</span>
        <span aria-hidden="true">
          <span className="button__text--wide">Class </span>
          {room}
          {role === 'teacher' && (
            <>
              {` · ${students}`}
              <span className="button__text--wide">{` student${students === 1 ? '' : 's'}`}</span>
            </>
          )}
        </span>
      </span>
      {role === 'teacher' ? (
        <>
          <button type="button" className="button" onClick={() => classroom.gather()} aria-label="Gather" title="Gather: every student follows your network again">
            <Icon name="gather" />
            <span className="button__text--wide">Gather</span>
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={panelOpen}
            aria-label="Class"
            title="Class: every student's results"
            onClick={() => classroom.state.getState().set({ panelOpen: !panelOpen })}
          >
            <Icon name="people" />
            <span className="button__text--wide">Class</span>
          </button>
        </>
      ) : following ? (
        <button type="button" className="button class-buttons__follow" onClick={() => classroom.explore()} aria-label="Explore on my own" title="Explore on my own: edit the network yourself (your edits stay in this browser)">
          Explore<span className="button__text--wide"> on my own</span>
        </button>
      ) : (
        <button type="button" className="button class-buttons__follow" onClick={() => classroom.follow()} aria-label="Follow the teacher" title="Follow the teacher">
          Follow<span className="button__text--wide"> the teacher</span>
        </button>
      )}
    </div>
  );
}

/**
 * "Join a class": a field for the room code the teacher shows (in place of "Start a class", so the
 * toolbar keeps its row); Escape closes it and gives the focus back to the button.
 */
function JoinByCode({ open, setOpen }: { open: boolean; setOpen: (open: boolean) => void }) {
  const classroom = useLiveClassroom();
  const toast = useEditorStore((s) => s.toast);
  const [code, setCode] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (!open && refocus.current) button.current?.focus();
    refocus.current = false;
  }, [open]);
  if (!open) {
    return (
      <button ref={button} type="button" className="button" onClick={() => setOpen(true)} aria-label="Join a class" title="Join a class: type the code your teacher shows">
        <Icon name="join" />
        <span className="button__text--wide">Join a class</span>
      </button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = joinTypedCode(classroom, code);
    if (problem) toast(`Join a class: ${problem}`, 'error');
  };
  return (
    <form
      className="class-buttons__join"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        refocus.current = true;
        setOpen(false);
      }}
    >
      <input className="field__input class-buttons__code" value={code} onChange={(e) => setCode(e.target.value)} placeholder="Code" aria-label="Class code" title="Class code (as your teacher shows it)" maxLength={12} size={7} autoFocus />
      <button type="submit" className="button">
        Join
      </button>
    </form>
  );
}
