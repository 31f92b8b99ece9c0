/**
 * The classroom server: a Hocuspocus (Yjs) server whose rooms live in SQLite, with an HTTP call
 * that creates a room. Who may write what is enforced here, not trusted to the app: a teacher
 * connection must present the room's key (only its SHA-256 is stored), a student writes only
 * their own record, every change passes the gate (gate.ts) before it is applied, stored or
 * forwarded, and each connection's message rate is bounded.
 *
 * HTTP (with CORS, so the app on another port may call it):
 * - `POST /rooms` → 201 `{"room": "K7MQ2P", "key": "…"}` (the key is shown once);
 * - `GET /rooms/CODE` → 200 `{"room": "CODE"}` or 404.
 * WebSocket: the Hocuspocus protocol; the document name is the room code (the class document,
 * every member) or `CODE/records` (the students' records, the teacher only), and the token is a
 * {@link JoinToken} as JSON. A student sends their record as a stateless message on the class
 * document; the server checks it and writes it into the records document under their id.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Connection } from '@hocuspocus/server';
import * as Y from 'yjs';
// The node kinds, which validateDocument needs (see src/model/kind-lookup.ts).
import '../src/kinds/specs.ts';
import { formatRefusal, joinTokenSchema, parseDocName, recordsDocName, REFUSAL, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, ROOM_MAPS, roomCodePattern, type RoomPart } from '../src/model/room.ts';
import { checkRecord, checkUpdate, migrateRoom, RefusedError, type Refusal, type Writer } from './gate.ts';
import { DEFAULT_LIMITS, formatBytes, TokenBucket, type ClassroomLimits } from './limits.ts';
import { readClientMessage } from './messages.ts';
import { openRoomDb, type RoomDb } from './roomDb.ts';

export interface ClassroomServerOptions {
  port: number;
  /** Address to listen on (`0.0.0.0`: every interface; tests use `127.0.0.1`). */
  host: string;
  /** SQLite file of the rooms. */
  dbPath: string;
  limits?: Partial<ClassroomLimits>;
  /** Where log lines go (default: stdout). */
  log?: (line: string) => void;
}

export interface ClassroomServer {
  readonly port: number;
  /** `ws://HOST:PORT`, what the app's `server=` flag takes. */
  readonly url: string;
  readonly db: RoomDb;
  /** The room's live document, if it is open (tests read it). */
  openRoom(code: string): Y.Doc | undefined;
  close(): Promise<void>;
}

interface ConnectionContext {
  writer: Writer;
  part: RoomPart;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A 22-character base64url secret (128 random bits). */
export const newSecret = () => randomBytes(16).toString('base64url');

function newRoomCode(): string {
  const bytes = randomBytes(ROOM_CODE_LENGTH);
  return Array.from(bytes, (b) => ROOM_CODE_ALPHABET[b % ROOM_CODE_ALPHABET.length]).join('');
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Max-Age': '600',
  // Pages served with COEP require-corp may read the answer.
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...CORS, 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

const describe = (writer: Writer) => (writer.role === 'teacher' ? 'the teacher' : `student ${writer.id.slice(0, 6)}…`);

export async function startClassroomServer(options: ClassroomServerOptions): Promise<ClassroomServer> {
  const limits: ClassroomLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => console.log(line));
  const db = openRoomDb(options.dbPath);
  const buckets = new WeakMap<Connection, TokenBucket>();
  const refused = new WeakSet<Connection>();
  /**
   * Per open room, a mirror of its document plus the updates accepted but not yet applied:
   * Hocuspocus checks a connection's messages before applying them, asynchronously, so a second
   * message may be checked while the first waits; it must be checked on top of the first.
   */
  const shadows = new Map<string, Y.Doc>();
  const created = new Map<string, number[]>();

  function createRoom(request: IncomingMessage, response: ServerResponse): void {
    const address = request.socket.remoteAddress ?? '?';
    const hourAgo = Date.now() - 3600_000;
    const recent = (created.get(address) ?? []).filter((t) => t > hourAgo);
    if (recent.length >= limits.roomsPerHour) return reply(response, 429, { error: `at most ${limits.roomsPerHour} rooms an hour from one address` });
    if (db.roomCount() >= limits.maxRooms) return reply(response, 507, { error: `the server holds its maximum of ${limits.maxRooms} rooms` });
    let code = newRoomCode();
    while (db.room(code)) code = newRoomCode();
    const key = newSecret();
    db.createRoom(code, sha256(key));
    created.set(address, [...recent, Date.now()]);
    log(`room ${code}: created`);
    reply(response, 201, { room: code, key });
  }

  function handleHttp(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://server');
    const path = url.pathname.replace(/\/+$/, '');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS);
      response.end();
    } else if (request.method === 'POST' && path === '/rooms') createRoom(request, response);
    else if (request.method === 'GET' && path.startsWith('/rooms/')) {
      const code = decodeURIComponent(path.slice('/rooms/'.length)).toUpperCase();
      if (roomCodePattern.test(code) && db.room(code)) reply(response, 200, { room: code });
      else reply(response, 404, { error: `no room “${code}”` });
    } else if (request.method === 'GET' && path === '') {
      reply(response, 200, { service: 'recurrence classroom', rooms: db.roomCount() });
    } else reply(response, 404, { error: 'not found (POST /rooms creates a room)' });
  }

  function authenticate(documentName: string, rawToken: string): ConnectionContext {
    const name = parseDocName(documentName);
    const room = name ? db.room(name.code) : null;
    if (!name || !room) throw new RefusedError(REFUSAL.notFound, `no room “${documentName}” on this server`);
    const { code, part } = name;
    let json: unknown;
    try {
      json = JSON.parse(rawToken);
    } catch {
      throw new RefusedError(REFUSAL.invalid, 'the join token is not JSON');
    }
    const token = joinTokenSchema.safeParse(json);
    if (!token.success) throw new RefusedError(REFUSAL.invalid, `bad join token: ${token.error.issues[0].message}`);
    if (token.data.role === 'teacher') {
      if (!sameHash(sha256(token.data.key), room.keyHash)) throw new RefusedError(REFUSAL.forbidden, 'wrong teacher key for this room');
      return { writer: { role: 'teacher' }, part };
    }
    if (part === 'records') throw new RefusedError(REFUSAL.forbidden, "the class's records are for the teacher only");
    const { id, secret } = token.data;
    const stored = db.studentSecretHash(code, id);
    if (stored === null) {
      if (db.studentCount(code) >= limits.maxStudents) {
        throw new RefusedError(REFUSAL.tooMany, `the room is full (${limits.maxStudents} students)`);
      }
      db.addStudent(code, id, sha256(secret));
    } else if (!sameHash(sha256(secret), stored)) throw new RefusedError(REFUSAL.forbidden, 'this student id belongs to someone else');
    return { writer: { role: 'student', id }, part };
  }

  /**
   * Refuses what a connection sent: logs the reason (once), sends it to the client (Hocuspocus's
   * close message for the document, `[code] reason`), then closes the socket, so the messages
   * still in flight from it are never read.
   */
  function refuseConnection(connection: Connection, writer: Writer, name: string, refusal: Refusal): void {
    if (refused.has(connection)) return;
    refused.add(connection);
    log(`room ${name}: refused a message from ${describe(writer)}: ${refusal.reason}`);
    connection.close({ code: refusal.code, reason: formatRefusal(refusal.code, refusal.reason) });
    setTimeout(() => connection.webSocket.close(refusal.code, formatRefusal(refusal.code, refusal.reason).slice(0, 120)), 0);
  }

  /** Whether a message from a connection may be applied: null, or why not. */
  function gate(connection: Connection, context: ConnectionContext, name: string, data: Uint8Array): Refusal | null {
    const writer = context.writer;
    if (refused.has(connection)) return { code: REFUSAL.forbidden, reason: 'the connection was refused' };
    let bucket = buckets.get(connection);
    if (!bucket) buckets.set(connection, (bucket = new TokenBucket(limits.messageBurst, limits.messagesPerSecond)));
    if (!bucket.take()) return { code: REFUSAL.tooMany, reason: `too many messages (at most ${limits.messagesPerSecond} a second after a burst of ${limits.messageBurst})` };
    if (data.byteLength > limits.maxMessageBytes) return { code: REFUSAL.tooLarge, reason: `a message of ${formatBytes(data.byteLength)} (at most ${formatBytes(limits.maxMessageBytes)})` };
    let message;
    try {
      message = readClientMessage(data);
    } catch {
      return { code: REFUSAL.invalid, reason: 'a malformed message' };
    }
    if (message.kind === 'unknown') return { code: REFUSAL.invalid, reason: `message type ${message.type} is not accepted` };
    if (message.kind === 'awareness' && message.bytes > 4096) return { code: REFUSAL.tooLarge, reason: 'an awareness message over 4 kB' };
    if (message.kind !== 'write') return null;
    const shadow = shadows.get(name);
    if (!shadow) return { code: REFUSAL.notFound, reason: 'the room is not open' };
    const refusal = checkUpdate(shadow, message.update, writer, limits, Y.encodeStateAsUpdate(shadow).byteLength, context.part);
    if (refusal) return refusal;
    Y.applyUpdate(shadow, message.update);
    return null;
  }

  /** A student's record message: checked, then written into the room's records document. */
  async function receiveRecord(connection: Connection, context: ConnectionContext, code: string, payload: string): Promise<void> {
    if (context.part !== 'class') return;
    const checked = checkRecord(context.writer, payload, limits);
    if ('code' in checked) return refuseConnection(connection, context.writer, code, checked);
    const id = (context.writer as Extract<Writer, { role: 'student' }>).id;
    const direct = await server.hocuspocus.openDirectConnection(recordsDocName(code), { writer: { role: 'server' } });
    try {
      await direct.transact((doc) => doc.getMap(ROOM_MAPS.students).set(id, checked.record));
    } finally {
      await direct.disconnect();
    }
  }

  const setOnline = (document: Y.Doc, socketId: string, writer: Writer | null) =>
    document.transact(() => {
      const online = document.getMap(ROOM_MAPS.online);
      if (writer) online.set(socketId, writer.role === 'teacher' ? { role: 'teacher' } : { role: 'student', id: writer.id });
      else online.delete(socketId);
    }, 'server');

  const server = new Server({
    port: options.port,
    address: options.host,
    quiet: true,
    stopOnSignals: false,
    debounce: 1000,
    maxDebounce: 5000,
    async onRequest({ request, response }) {
      handleHttp(request, response);
      // A rejection without an error tells Hocuspocus the request has been answered.
      return Promise.reject(null);
    },
    async onAuthenticate({ token, documentName }) {
      try {
        return authenticate(documentName, token);
      } catch (err) {
        if (err instanceof RefusedError) log(`room ${documentName}: refused to join: ${err.why}`);
        throw err;
      }
    },
    async onLoadDocument({ document, documentName }) {
      for (const update of db.updates(documentName)) Y.applyUpdate(document, update);
    },
    async afterLoadDocument({ document, documentName }) {
      const shadow = new Y.Doc();
      Y.applyUpdate(shadow, Y.encodeStateAsUpdate(document));
      shadows.set(documentName, shadow);
      document.on('update', (update: Uint8Array) => {
        db.appendUpdate(documentName, update);
        Y.applyUpdate(shadow, update);
      });
      if (parseDocName(documentName)?.part !== 'class') return;
      const online = document.getMap(ROOM_MAPS.online);
      if (online.size > 0) document.transact(() => online.clear(), 'server');
      const teacher = document.getMap<unknown>(ROOM_MAPS.teacher);
      const migrated = migrateRoom(teacher);
      if (migrated) {
        document.transact(() => {
          for (const [key, value] of Object.entries(migrated)) teacher.set(key, value);
        }, 'server');
        log(`room ${documentName}: its network migrated to the current format`);
      }
    },
    async onStoreDocument({ document, documentName }) {
      db.compact(documentName, Y.encodeStateAsUpdate(document));
    },
    async afterUnloadDocument({ documentName }) {
      shadows.get(documentName)?.destroy();
      shadows.delete(documentName);
    },
    async connected({ connection, context, documentName, instance }) {
      const document = instance.documents.get(documentName);
      if (document && (context as ConnectionContext).part === 'class') setOnline(document, connection.socketId, (context as ConnectionContext).writer);
    },
    async onDisconnect({ document, documentName, socketId }) {
      if (parseDocName(documentName)?.part === 'class') setOnline(document, socketId, null);
    },
    async onStateless({ connection, documentName, payload }) {
      await receiveRecord(connection, connection.context as ConnectionContext, documentName, payload);
    },
    beforeHandleMessage({ connection, context, documentName, update }) {
      const refusal = gate(connection, context as ConnectionContext, documentName, update);
      if (!refusal) return Promise.resolve();
      refuseConnection(connection, (context as ConnectionContext).writer, documentName, refusal);
      // The message is held back for good (the connection is closed): a rejection would apply
      // nothing either, but Hocuspocus prints every rejected hook to the console.
      return new Promise<void>(() => {});
    },
  });
  // Hocuspocus's own listen() passes the address where Node expects `host`: listen here.
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen({ port: options.port, host: options.host }, () => {
      server.httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (server.httpServer.address() as AddressInfo).port;
  log(`classroom server listening on ws://${options.host}:${port} (rooms in ${options.dbPath})`);
  return {
    port,
    url: `ws://${options.host}:${port}`,
    db,
    openRoom: (code) => server.hocuspocus.documents.get(code),
    async close() {
      await server.destroy();
      db.close();
    },
  };
}
