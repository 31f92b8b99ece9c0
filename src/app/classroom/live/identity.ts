/**
 * What this browser keeps for the live classroom in localStorage: the student's id, secret and
 * display name (one identity per browser), and the teacher keys of the rooms it started. A
 * blocked or damaged storage costs only the remembering.
 */
import { MAX_NAME_LENGTH, tokenPattern } from '../../../model/room.ts';

const STUDENT_KEY = 'recurrence.classroom.student';
const TEACHER_KEYS = 'recurrence.classroom.teacherKeys';

export interface StudentIdentity {
  id: string;
  secret: string;
  name: string;
}

/** 128 random bits as 22 characters of base64url (crypto.getRandomValues works without https). */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function read(key: string): unknown {
  try {
    const text = localStorage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage blocked or full: the identity lasts as long as the page.
  }
}

/** This browser's student identity (made on first use). */
export function studentIdentity(): StudentIdentity {
  const stored = read(STUDENT_KEY) as Partial<StudentIdentity> | null;
  if (stored && typeof stored.id === 'string' && tokenPattern.test(stored.id) && typeof stored.secret === 'string' && tokenPattern.test(stored.secret)) {
    return { id: stored.id, secret: stored.secret, name: typeof stored.name === 'string' ? stored.name.slice(0, MAX_NAME_LENGTH) : '' };
  }
  const fresh = { id: randomToken(), secret: randomToken(), name: '' };
  write(STUDENT_KEY, fresh);
  return fresh;
}

export function saveStudentName(name: string): void {
  write(STUDENT_KEY, { ...studentIdentity(), name });
}

/** The teacher key this browser keeps for `room`, if it started it. */
export function teacherKeyFor(room: string): string | null {
  const keys = read(TEACHER_KEYS) as Record<string, unknown> | null;
  const key = keys?.[room];
  return typeof key === 'string' && tokenPattern.test(key) ? key : null;
}

export function rememberTeacherKey(room: string, key: string): void {
  const keys = (read(TEACHER_KEYS) as Record<string, string> | null) ?? {};
  write(TEACHER_KEYS, { ...keys, [room]: key });
}
