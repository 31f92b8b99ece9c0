/**
 * The live classroom's link flags: `room=CODE` (a student), `room=CODE&key=KEY` (the teacher),
 * `server=ws://HOST:PORT` (else port 1234 of the page's own host). Never throws: a bad flag is a
 * message.
 */
import { normaliseRoomCode, tokenPattern } from '../../../model/room.ts';

export const DEFAULT_SERVER_PORT = 1234;

export interface RoomLink {
  room: string;
  /** The teacher key, or null for a student. */
  key: string | null;
  /** `ws://HOST:PORT` of the classroom server. */
  server: string;
}

/** The server the app talks to: the `server` flag, else port 1234 of the page's host. */
export function serverUrl(params: URLSearchParams, page: { hostname: string; protocol: string }): string | { error: string } {
  const raw = params.get('server');
  if (raw === null || raw === '') {
    const host = page.hostname.includes(':') ? `[${page.hostname}]` : page.hostname || 'localhost';
    return `${page.protocol === 'https:' ? 'wss' : 'ws'}://${host}:${DEFAULT_SERVER_PORT}`;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { error: `server=${raw}: not an address (e.g. ws://192.168.1.20:1234)` };
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return { error: `server=${raw}: must start with ws:// or wss://` };
  return `${url.protocol}//${url.host}`;
}

/** The room the link opens, null when it opens none, or a message for a bad flag. */
export function parseRoomLink(search: string, page: { hostname: string; protocol: string }): RoomLink | null | { error: string } {
  const params = new URLSearchParams(search);
  const rawRoom = params.get('room');
  if (rawRoom === null) return null;
  const room = normaliseRoomCode(rawRoom);
  if (!room) return { error: `room=${rawRoom}: a room code is six letters and digits (e.g. K7MQ2P)` };
  const rawKey = params.get('key');
  if (rawKey !== null && !tokenPattern.test(rawKey)) return { error: 'key: not a teacher key (22 characters); joining as a student' };
  const server = serverUrl(params, page);
  if (typeof server !== 'string') return server;
  return { room, key: rawKey, server };
}

/** The HTTP address of a classroom server (`ws://h:p` → `http://h:p`). */
export const httpOf = (server: string) => server.replace(/^ws/, 'http');
