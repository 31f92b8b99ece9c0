/**
 * The live classroom's overlays: the banner of a dropped connection or a refusal, the new
 * class's code and key (shown once), the student's name prompt and the teacher's Class panel.
 */
import { useState, type FormEvent } from 'react';
import { MAX_NAME_LENGTH } from '../../../model/room.ts';
import { ClassPanel } from './ClassPanel.tsx';
import { useClassState, useLiveClassroom } from './context.tsx';
import './live.css';

export function ClassHost() {
  const role = useClassState((s) => s.role);
  const panelOpen = useClassState((s) => s.panelOpen);
  return (
    <>
      <ConnectionBanner />
      <StartedNotice />
      {role === 'student' && <NamePrompt />}
      {role === 'teacher' && panelOpen && <ClassPanel />}
    </>
  );
}

function ConnectionBanner() {
  const classroom = useLiveClassroom();
  const lost = useClassState((s) => s.room !== null && s.everConnected && !s.connected);
  const problem = useClassState((s) => s.problem);
  if (!lost && !problem) return null;
  return (
    <div className="class-banner" role="status" data-testid="class-banner">
      {lost && <span>Connection to the class lost: reconnecting… (your work stays here)</span>}
      {problem && (
        <span>
          {problem}{' '}
          <button type="button" className="class-banner__close" onClick={() => classroom.state.getState().set({ problem: null })}>
            Dismiss
          </button>
        </span>
      )}
    </div>
  );
}

function StartedNotice() {
  const classroom = useLiveClassroom();
  const key = useClassState((s) => s.startedKey);
  const room = useClassState((s) => s.room);
  const server = useClassState((s) => s.server);
  if (!key || !room) return null;
  const base = `${window.location.origin}${window.location.pathname}`;
  const flag = server && !server.endsWith(':1234') ? `&server=${encodeURIComponent(server)}` : '';
  return (
    <div className="class-started" role="dialog" aria-label="Your class">
      <h2>Your class: {room}</h2>
      <p>Students open (or type the code {room}):</p>
      <code data-testid="class-student-link">{`${base}?room=${room}${flag}`}</code>
      <p>Your teacher link. It is shown once and kept in this browser: copy it to teach from another one.</p>
      <code data-testid="class-teacher-link">{`${base}?room=${room}&key=${key}${flag}`}</code>
      <button type="button" className="button" onClick={() => classroom.state.getState().set({ startedKey: null })}>
        Done
      </button>
    </div>
  );
}

function NamePrompt() {
  const classroom = useLiveClassroom();
  const name = useClassState((s) => s.name);
  const [value, setValue] = useState('');
  if (name) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) classroom.setName(value);
  };
  return (
    <form className="class-started" role="dialog" aria-label="Your name" onSubmit={submit}>
      <h2>Join the class</h2>
      <label>
        Your name (the teacher sees it with your results){' '}
        <input value={value} maxLength={MAX_NAME_LENGTH} onChange={(e) => setValue(e.target.value)} autoFocus data-testid="class-name" />
      </label>
      <button type="submit" className="button" disabled={!value.trim()}>
        Join
      </button>
    </form>
  );
}
