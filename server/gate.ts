/**
 * The gate every Yjs update passes before it reaches a room: it is applied to a copy of the
 * room's document, the keys it changed are read from that transaction, and the whole update is
 * refused if it touches a part the connection may not write, leaves a value the room's schemas
 * reject (src/model/room.ts), or a network that `validateDocument` rejects or that is not in the
 * current format. The room itself is only changed by updates that passed. Students' records come
 * as messages of their own (checkRecord), never as updates.
 */
import * as Y from 'yjs';
import { CURRENT_VERSION, currentRef, formatIssue, validateDocument } from '../src/model/index.ts';
import { formatRefusal, recordMessageSchema, REFUSAL, ROOM_MAPS, studentRecordSchema, teacherFields, type RoomPart, type StudentRecord, type TeacherField } from '../src/model/room.ts';
import { formatBytes, type ClassroomLimits } from './limits.ts';

export type Writer = { role: 'teacher' } | { role: 'student'; id: string };

export interface Refusal {
  code: number;
  reason: string;
}

/**
 * A refusal to join, thrown from Hocuspocus's onAuthenticate: Hocuspocus sends `reason` to the
 * client, which carries the code in front (`[4403] …`, see formatRefusal). Its message is empty:
 * Hocuspocus prints a failed hook's message to the console, and the server logs its own line.
 */
export class RefusedError extends Error {
  readonly reason: string;

  constructor(
    readonly code: number,
    readonly why: string,
  ) {
    super('');
    this.name = 'RefusedError';
    this.reason = formatRefusal(code, why);
    this.stack = `RefusedError: ${this.reason}`;
  }
}

const refuse = (code: number, reason: string): Refusal => ({ code, reason });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its roots as AbstractType<YEvent<any>>
type Root = Y.AbstractType<Y.YEvent<any>>;
type Changes = Map<string, Set<string>>;

/** The root maps and keys an update changes when applied to (a copy of) `room`, or a refusal. */
function changesOf(room: Y.Doc, update: Uint8Array): { copy: Y.Doc; changes: Changes } | Refusal {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room));
  const changed = new Map<Root, Set<string | null>>();
  copy.on('afterTransaction', (tr: Y.Transaction) => {
    for (const [type, keys] of tr.changed) {
      const set = changed.get(type) ?? new Set();
      for (const k of keys) set.add(k);
      changed.set(type, set);
    }
  });
  try {
    Y.applyUpdate(copy, update);
  } catch (err) {
    return refuse(REFUSAL.invalid, `not a Yjs update (${err instanceof Error ? err.message : String(err)})`);
  }
  if (copy.store.pendingStructs || copy.store.pendingDs) {
    return refuse(REFUSAL.invalid, 'the update depends on changes the room does not have');
  }
  const rootName = new Map<Root, string>();
  for (const [name, type] of copy.share) rootName.set(type, name);
  const changes: Changes = new Map();
  for (const [type, keys] of changed) {
    const name = rootName.get(type);
    if (name === undefined) return refuse(REFUSAL.forbidden, 'the update changes a nested value (the room holds only plain values)');
    if (keys.has(null)) return refuse(REFUSAL.forbidden, `the update writes list content into “${name}”`);
    changes.set(name, keys as Set<string>);
  }
  return { copy, changes };
}

function checkTeacherKey(copy: Y.Doc, key: string, limits: ClassroomLimits): Refusal | null {
  if (!(key in teacherFields)) return refuse(REFUSAL.invalid, `class.${key}: not a field of the room (fields: ${Object.keys(teacherFields).join(', ')})`);
  const value: unknown = copy.getMap(ROOM_MAPS.teacher).get(key);
  if (value === undefined) return refuse(REFUSAL.forbidden, `class.${key}: the room's fields cannot be deleted`);
  if (value instanceof Y.AbstractType) return refuse(REFUSAL.invalid, `class.${key}: must be a plain value`);
  const parsed = teacherFields[key as TeacherField].safeParse(value);
  if (!parsed.success) return refuse(REFUSAL.invalid, `class.${key}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  if (key !== 'network') return null;
  const text = value as string;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxDocumentBytes) {
    return refuse(REFUSAL.tooLarge, `the network is ${formatBytes(bytes)}; a room holds networks of at most ${formatBytes(limits.maxDocumentBytes)}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return refuse(REFUSAL.invalid, 'class.network: not JSON text');
  }
  const result = validateDocument(doc);
  if (!result.ok) return refuse(REFUSAL.invalid, `class.network is not a valid graph document: ${result.errors.slice(0, 3).map(formatIssue).join('; ')}`);
  if (result.migrated.length > 0) {
    return refuse(REFUSAL.invalid, `class.network.version: a room holds format version ${CURRENT_VERSION} documents (this one needs migrating: ${result.migrated.join(', ')})`);
  }
  return null;
}

/**
 * Checks a record a student sent for themselves (a {@link RecordMessage} as JSON text): null and
 * the record when it may be written under their id, else the refusal.
 */
export function checkRecord(writer: Writer, text: string, limits: ClassroomLimits): { record: StudentRecord } | Refusal {
  if (writer.role !== 'student') return refuse(REFUSAL.forbidden, "only a student sends a record (their own); the teacher may not write students' records");
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxRecordBytes) return refuse(REFUSAL.tooLarge, `the record is ${formatBytes(bytes)}; at most ${formatBytes(limits.maxRecordBytes)}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse(REFUSAL.invalid, 'a record message is JSON text');
  }
  const message = recordMessageSchema.safeParse(json);
  if (!message.success) return refuse(REFUSAL.invalid, 'a record message is {"record": {…}} and nothing else');
  const parsed = studentRecordSchema.safeParse(message.data.record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse(REFUSAL.invalid, ['students', writer.id, ...issue.path].join('.') + `: ${issue.message}`);
  }
  return { record: parsed.data };
}

/**
 * Checks an update from `writer` against the room document `room` (not changed; `part` says
 * which of the room's documents it is): null when it may be
 * applied, else the refusal with a close code and a reason that names the part and the rule.
 */
export function checkUpdate(room: Y.Doc, update: Uint8Array, writer: Writer, limits: ClassroomLimits, roomBytes: number, part: RoomPart = 'class'): Refusal | null {
  if (roomBytes + update.byteLength > limits.maxRoomBytes) {
    return refuse(REFUSAL.tooLarge, `the room would exceed ${formatBytes(limits.maxRoomBytes)}`);
  }
  const result = changesOf(room, update);
  if ('code' in result) return result;
  const { copy, changes } = result;
  for (const [map, keys] of changes) {
    if (part === 'records') {
      return refuse(REFUSAL.forbidden, "the class's records are written by the server, from each student's own record message");
    } else if (map === ROOM_MAPS.teacher) {
      if (writer.role !== 'teacher') return refuse(REFUSAL.forbidden, "only the teacher may change the room's network, lesson, step, sliders and run state");
      for (const key of keys) {
        const problem = checkTeacherKey(copy, key, limits);
        if (problem) return problem;
      }
    } else if (map === ROOM_MAPS.students) {
      return refuse(REFUSAL.forbidden, 'a student sends only their own record (a record message); the class document holds no records');
    } else if (map === ROOM_MAPS.online) {
      return refuse(REFUSAL.forbidden, 'who is online is written by the server only');
    } else {
      return refuse(REFUSAL.forbidden, `“${map}” is not part of a room`);
    }
  }
  copy.destroy();
  return null;
}

/**
 * A room stored before the current format: its network migrated (validateDocument's migrations)
 * and its exposed sliders' refs renamed as the migration moved them (currentRef). Returns the
 * values to set in the class map, or null when the room needs nothing (or holds no valid network).
 */
export function migrateRoom(teacher: Y.Map<unknown>): { network: string; exposed?: unknown } | null {
  const text = teacher.get('network');
  if (typeof text !== 'string') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const result = validateDocument(raw);
  if (!result.ok || result.migrated.length === 0) return null;
  const exposed = teacherFields.exposed.safeParse(teacher.get('exposed'));
  return {
    network: JSON.stringify(result.doc),
    ...(exposed.success ? { exposed: exposed.data.map((spec) => ({ ...spec, ref: currentRef(spec.ref) })) } : {}),
  };
}
