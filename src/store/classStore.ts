/**
 * The live classroom as the page shows it (app/classroom/live keeps it up to date): the room,
 * this browser's role, the connection, follow or explore, who is online and the students'
 * records. Nothing here is in the document.
 */
import { create } from 'zustand';
import type { StudentRecord } from '../model/room.ts';

export type ClassRole = 'teacher' | 'student';

export interface ClassState {
  room: string | null;
  role: ClassRole | null;
  /** `ws://HOST:PORT` of the classroom server. */
  server: string | null;
  connected: boolean;
  /** Whether the connection was up once (a later drop shows the banner). */
  everConnected: boolean;
  /** A student follows the teacher (the default) or explores on their own. */
  following: boolean;
  /** Students connected now. */
  studentsOnline: number;
  /** Ids of the students connected now. */
  online: readonly string[];
  /** The students' records, by id. */
  records: Record<string, StudentRecord>;
  /** The student's display name ('' until chosen). */
  name: string;
  /** The last refusal or connection problem, shown until dismissed. */
  problem: string | null;
  /** The key of a class just started, shown once. */
  startedKey: string | null;
  panelOpen: boolean;
  set(patch: Partial<Omit<ClassState, 'set'>>): void;
}

export function createClassStore() {
  return create<ClassState>()((set) => ({
    room: null,
    role: null,
    server: null,
    connected: false,
    everConnected: false,
    following: true,
    studentsOnline: 0,
    online: [],
    records: {},
    name: '',
    problem: null,
    startedKey: null,
    panelOpen: false,
    set: (patch) => set(patch),
  }));
}

export type ClassStore = ReturnType<typeof createClassStore>;
