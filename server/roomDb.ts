/**
 * The classroom server's SQLite database (better-sqlite3): rooms with the hash of their teacher
 * key, the students registered in each room with the hash of their secret, and each room's Yjs
 * updates. Every accepted update is appended as it arrives (a crash loses nothing); when a room
 * is stored (Hocuspocus's debounced onStoreDocument) its rows are compacted into one state.
 */
import Database from 'better-sqlite3';

export interface RoomRow {
  code: string;
  keyHash: string;
  created: number;
}

export interface RoomDb {
  createRoom(code: string, keyHash: string): void;
  room(code: string): RoomRow | null;
  roomCount(): number;
  studentSecretHash(code: string, id: string): string | null;
  addStudent(code: string, id: string, secretHash: string): void;
  studentCount(code: string): number;
  appendUpdate(code: string, update: Uint8Array): void;
  /** The room's updates in the order they arrived (after a compaction: one state, then the rest). */
  updates(code: string): Uint8Array[];
  /** Replaces every stored update of the room by `state` (which contains them all). */
  compact(code: string, state: Uint8Array): void;
  close(): void;
}

export function openRoomDb(path: string): RoomDb {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS rooms (code TEXT PRIMARY KEY, key_hash TEXT NOT NULL, created INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS students (room TEXT NOT NULL, id TEXT NOT NULL, secret_hash TEXT NOT NULL, PRIMARY KEY (room, id));
    CREATE TABLE IF NOT EXISTS updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL);
    CREATE INDEX IF NOT EXISTS updates_room ON updates (room, seq);
  `);
  const q = {
    insertRoom: db.prepare('INSERT INTO rooms (code, key_hash, created) VALUES (?, ?, ?)'),
    room: db.prepare<[string], { code: string; key_hash: string; created: number }>('SELECT code, key_hash, created FROM rooms WHERE code = ?'),
    roomCount: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM rooms'),
    student: db.prepare<[string, string], { secret_hash: string }>('SELECT secret_hash FROM students WHERE room = ? AND id = ?'),
    insertStudent: db.prepare('INSERT INTO students (room, id, secret_hash) VALUES (?, ?, ?)'),
    studentCount: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM students WHERE room = ?'),
    append: db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)'),
    updates: db.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE room = ? ORDER BY seq'),
    deleteUpdates: db.prepare('DELETE FROM updates WHERE room = ?'),
  };
  const compact = db.transaction((code: string, state: Uint8Array) => {
    q.deleteUpdates.run(code);
    q.append.run(code, Buffer.from(state));
  });
  return {
    createRoom: (code, keyHash) => void q.insertRoom.run(code, keyHash, Date.now()),
    room(code) {
      const row = q.room.get(code);
      return row ? { code: row.code, keyHash: row.key_hash, created: row.created } : null;
    },
    roomCount: () => q.roomCount.get()!.n,
    studentSecretHash: (code, id) => q.student.get(code, id)?.secret_hash ?? null,
    addStudent: (code, id, secretHash) => void q.insertStudent.run(code, id, secretHash),
    studentCount: (code) => q.studentCount.get(code)!.n,
    appendUpdate: (code, update) => void q.append.run(code, Buffer.from(update)),
    updates: (code) => q.updates.all(code).map((r) => new Uint8Array(r.data)),
    compact: (code, state) => compact(code, state),
    close: () => db.close(),
  };
}
