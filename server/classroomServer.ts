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
 * WebSocket: the Hocuspocus protocol; the document name is the room code and the token is a
 * {@link JoinToken} as JSON.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Connection } from '@hocuspocus/server';
import * as Y from 'yjs';
// The node kinds, which validateDocument needs (see src/model/kind-lookup.ts).
import '../src/kinds/registry.ts';
import { joinTokenSchema, REFUSAL, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, ROOM_MAPS, roomCodePattern } from '../src/model/room.ts';
import { checkUpdate, RefusedError, type Writer } from './gate.ts';
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

  function authenticate(code: string, rawToken: string): ConnectionContext {
    const room = roomCodePattern.test(code) ? db.room(code) : null;
    if (!room) throw new RefusedError(REFUSAL.notFound, `no room “${code}” on this server`);
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
      return { writer: { role: 'teacher' } };
    }
    const { id, secret } = token.data;
    const stored = db.studentSecretHash(code, id);
    if (stored === null) {
      if (db.studentCount(code) >= limits.maxStudents) {
        throw new RefusedError(REFUSAL.tooMany, `the room is full (${limits.maxStudents} students)`);
      }
      db.addStudent(code, id, sha256(secret));
    } else if (!sameHash(sha256(secret), stored)) throw new RefusedError(REFUSAL.forbidden, 'this student id belongs to someone else');
    return { writer: { role: 'student', id } };
  }

  function gate(connection: Connection, context: ConnectionContext, code: string, data: Uint8Array): void {
    const writer = context.writer;
    const fail = (refusalCode: number, reason: string): never => {
      const error = new RefusedError(refusalCode, reason);
      if (!refused.has(connection)) {
        refused.add(connection);
        log(`room ${code}: refused a message from ${describe(writer)}: ${reason}`);
        // Hocuspocus sends the reason and leaves the room's connection; then the socket closes,
        // so the messages still in flight from it are never read.
        setTimeout(() => connection.webSocket.close(refusalCode, error.reason.slice(0, 120)), 0);
      }
      throw error;
    };
    let bucket = buckets.get(connection);
    if (!bucket) buckets.set(connection, (bucket = new TokenBucket(limits.messageBurst, limits.messagesPerSecond)));
    if (!bucket.take()) fail(REFUSAL.tooMany, `too many messages (at most ${limits.messagesPerSecond} a second after a burst of ${limits.messageBurst})`);
    if (data.byteLength > limits.maxMessageBytes) fail(REFUSAL.tooLarge, `a message of ${formatBytes(data.byteLength)} (at most ${formatBytes(limits.maxMessageBytes)})`);
    let message;
    try {
      message = readClientMessage(data);
    } catch {
      return fail(REFUSAL.invalid, 'a malformed message');
    }
    if (message.kind === 'unknown') fail(REFUSAL.invalid, `message type ${message.type} is not accepted`);
    if (message.kind === 'awareness' && message.bytes > 4096) fail(REFUSAL.tooLarge, 'an awareness message over 4 kB');
    if (message.kind !== 'write') return;
    const shadow = shadows.get(code);
    if (!shadow) return fail(REFUSAL.notFound, 'the room is not open');
    const refusal = checkUpdate(shadow, message.update, writer, limits, Y.encodeStateAsUpdate(shadow).byteLength);
    if (refusal) fail(refusal.code, refusal.reason);
    Y.applyUpdate(shadow, message.update);
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
      const online = document.getMap(ROOM_MAPS.online);
      if (online.size > 0) document.transact(() => online.clear(), 'server');
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
      if (document) setOnline(document, connection.socketId, (context as ConnectionContext).writer);
    },
    async onDisconnect({ document, socketId }) {
      setOnline(document, socketId, null);
    },
    async beforeHandleMessage({ connection, context, documentName, update }) {
      gate(connection, context as ConnectionContext, documentName, update);
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
