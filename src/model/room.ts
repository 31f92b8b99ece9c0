/**
 * A live classroom room: the shape of its shared Yjs document, written down as plain values and
 * zod schemas so the classroom server (server/) and the app check the same rules.
 *
 * A room is two Yjs documents on the server, so that a student never receives another student's
 * record: the class document (named by the room's code), which every member reads, and the
 * records document (`CODE/records`), which only the teacher reads. Every value in their maps is
 * an atomic JSON value (never a nested shared type), so a change is always "this key of this map
 * was set or deleted":
 *
 * | document       | map        | keys                                   | who writes                        |
 * |----------------|------------|----------------------------------------|-----------------------------------|
 * | `CODE`         | `class`    | the keys of {@link teacherFields}      | a connection holding the teacher key |
 * | `CODE`         | `online`   | a connection's id → its role           | the server only                   |
 * | `CODE/records` | `students` | a student's id → {@link StudentRecord} | the server, from that student's own {@link RecordMessage} |
 *
 * The network is the graph document as JSON text in the current format (validated with
 * `validateDocument` by the server before it is stored or forwarded, and again by every student's
 * app).
 */
import { z } from 'zod';

export const ROOM_MAPS = { teacher: 'class', students: 'students', online: 'online' } as const;

/** The part of a room a Hocuspocus document name opens: `CODE` (class) or `CODE/records`. */
export type RoomPart = 'class' | 'records';

const RECORDS_SUFFIX = '/records';

/** The name of a room's records document. */
export const recordsDocName = (code: string) => `${code}${RECORDS_SUFFIX}`;

/** The room code and part a document name opens, or null when it names no room. */
export function parseDocName(name: string): { code: string; part: RoomPart } | null {
  const records = name.endsWith(RECORDS_SUFFIX);
  const code = records ? name.slice(0, -RECORDS_SUFFIX.length) : name;
  return roomCodePattern.test(code) ? { code, part: records ? 'records' : 'class' } : null;
}

/** Room codes: six characters without look-alikes (no 0/O, 1/I/L). */
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 6;
export const roomCodePattern = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

/** A typed code as a room code: upper case, spaces and dashes dropped; null if it cannot be one. */
export function normaliseRoomCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  return roomCodePattern.test(code) ? code : null;
}

/** Student ids and secrets the app makes: 22 characters of base64url (128 random bits). */
export const tokenPattern = /^[A-Za-z0-9_-]{22}$/;

/** What a connection presents when it joins a room (the Hocuspocus token, as JSON). */
export const joinTokenSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('teacher'), key: z.string().regex(tokenPattern, 'a teacher key is 22 characters of base64url') }),
  z.object({
    role: z.literal('student'),
    id: z.string().regex(tokenPattern, 'a student id is 22 characters of base64url'),
    secret: z.string().regex(tokenPattern, 'a student secret is 22 characters of base64url'),
  }),
]);
export type JoinToken = z.infer<typeof joinTokenSchema>;

const exposeSpec = z.strictObject({
  ref: z.string().min(3).max(200),
  min: z.number().optional(),
  max: z.number().optional(),
});

/**
 * Run state: `epoch` counts Resets (a new epoch resets every engine to the document's seed); `t`
 * is the teacher's step when it was written (on Pause and Step exactly, about every second while
 * running), so a student who joins or rejoins starts where the class is.
 */
export const runStateSchema = z.strictObject({
  status: z.enum(['running', 'paused']),
  epoch: z.number().int().min(0),
  t: z.number().int().min(0).optional(),
});
export type RunState = z.infer<typeof runStateSchema>;

/** The teacher's part of the room, one schema per key of the `class` map. */
export const teacherFields = {
  /** The graph document as JSON text (checked with validateDocument, size-limited). */
  network: z.string(),
  /** Counts the teacher's network changes: the "document version" results are tagged with. */
  version: z.number().int().min(0),
  /** The open lesson (a preset name) or null. */
  lesson: z.string().max(100).nullable(),
  /** The highlighted step (1-based) or null. */
  step: z.number().int().min(1).max(1000).nullable(),
  /** Values exposed as sliders (`ID.params.…`). */
  exposed: z.array(exposeSpec).max(20),
  run: runStateSchema,
  /** Counts the teacher's "Gather": a new value brings every student back to follow mode. */
  gather: z.number().int().min(0),
} as const;
export type TeacherField = keyof typeof teacherFields;

const finite = z.number();
const shortText = z.string().max(120);

/** One task result of a student, with the document version and settings it came from. */
export const studentResultSchema = z.strictObject({
  /** `train` (readout NRMSE), `memory-capacity`, `ais` (a measured active information storage). */
  task: z.enum(['train', 'memory-capacity', 'ais']),
  /** The measured numbers, e.g. `{ "nrmse_test": 0.04 }` or `{ "mc": 17.2 }`. */
  values: z.record(z.string().max(60), finite).refine((v) => Object.keys(v).length <= 16, 'at most 16 values'),
  /** The settings they came from, e.g. `{ "node": "res", "size": 100, "spectral_radius": 0.9 }`. */
  settings: z.record(z.string().max(60), z.union([finite, shortText, z.boolean()])).refine((v) => Object.keys(v).length <= 32, 'at most 32 settings'),
  /** The room's network version the student was following, or null for their own network. */
  docVersion: z.number().int().min(0).nullable(),
  /** Milliseconds since 1970 (the student's clock). */
  at: finite,
});
export type StudentResult = z.infer<typeof studentResultSchema>;

/** Longest display name, in characters. */
export const MAX_NAME_LENGTH = 40;

/** A student's record in the room: written by that student only. */
export const studentRecordSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'a name is needed')
    .max(MAX_NAME_LENGTH, `at most ${MAX_NAME_LENGTH} characters`)
    .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127), 'no control characters'),
  following: z.boolean(),
  /** Lesson steps ticked, per lesson. */
  ticks: z.record(z.string().max(100), z.array(z.number().int().min(1).max(1000)).max(100)).refine((v) => Object.keys(v).length <= 50, 'at most 50 lessons'),
  /** The latest result of each task (at most 3). */
  results: z.array(studentResultSchema).max(3),
});
export type StudentRecord = z.infer<typeof studentRecordSchema>;

/**
 * What a student sends (a Hocuspocus stateless message on the class document) to set their own
 * record; the server validates it and writes it into the records document under their id.
 */
export const recordMessageSchema = z.strictObject({ record: z.unknown() });
export type RecordMessage = { record: StudentRecord };

/** Why the server refused a connection or a change: WebSocket close codes 4400–4499 with a reason. */
export const REFUSAL = {
  /** Malformed or invalid (a network that fails validation, a bad record). */
  invalid: 4400,
  /** No key or a wrong key, or a change of another's part of the room. */
  forbidden: 4403,
  /** No such room. */
  notFound: 4404,
  /** A document, record or message above the limits. */
  tooLarge: 4413,
  /** Too many updates in too short a time, or a full room. */
  tooMany: 4429,
} as const;

/** A refusal as the text the server sends with it: `[4403] only the teacher may …`. */
export function formatRefusal(code: number, reason: string): string {
  return `[${code}] ${reason}`;
}

/** The code and reason of a refusal text, or null for another close reason. */
export function parseRefusal(text: string): { code: number; reason: string } | null {
  const m = /^\[(4\d\d\d)\] (.*)$/s.exec(text);
  return m ? { code: Number(m[1]), reason: m[2] } : null;
}
