/**
 * A Node client of the classroom server for tests: a Hocuspocus provider over `ws`, with the
 * room's Y.Doc and promises for what the server answers (synced, refused at join, closed).
 */
import { randomBytes } from 'node:crypto';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { parseRefusal, type JoinToken } from '../src/model/room.ts';

export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves when the first sync with the room is done. */
  synced: Promise<void>;
  /** Resolves with the refusal when the server refuses to let the client join. */
  refusedToJoin: Promise<{ code: number; reason: string }>;
  /** Resolves with the refusal when the server closes the room's connection. */
  closed: Promise<{ code: number; reason: string }>;
  /** Sends a student's record message (src/model/room.ts RecordMessage) as the app does. */
  sendRecord(record: unknown): void;
  destroy(): void;
}

export const secret = () => randomBytes(16).toString('base64url');

export const studentToken = (id = secret(), key = secret()) => ({ role: 'student' as const, id, secret: key });

export function joinRoom(url: string, room: string, token: JoinToken | string): TestClient {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
  let onSynced!: () => void;
  let onRefused!: (r: { code: number; reason: string }) => void;
  let onClosed!: (r: { code: number; reason: string }) => void;
  const synced = new Promise<void>((r) => (onSynced = r));
  const refusedToJoin = new Promise<{ code: number; reason: string }>((r) => (onRefused = r));
  const closed = new Promise<{ code: number; reason: string }>((r) => (onClosed = r));
  const asRefusal = (text: string) => parseRefusal(text) ?? { code: 0, reason: text };
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    document: doc,
    token: typeof token === 'string' ? token : JSON.stringify(token),
    onSynced: () => onSynced(),
    onAuthenticationFailed: ({ reason }) => onRefused(asRefusal(reason)),
    onClose: ({ event }) => onClosed(asRefusal(event.reason)),
  });
  provider.attach();
  return {
    doc,
    provider,
    synced,
    refusedToJoin,
    closed,
    sendRecord: (record) => provider.sendStateless(JSON.stringify({ record })),
    destroy() {
      provider.destroy();
      socket.destroy();
      // After the server closed a socket the provider retries it once after its delay, even when
      // destroyed meanwhile (its timer is not cleared): that attempt must not outlive the test.
      socket.connect = () => Promise.resolve();
    },
  };
}

/** Resolves once `predicate` holds (checked on every change of `doc`), or rejects after `ms`. */
export function waitFor(doc: Y.Doc, predicate: () => boolean, ms = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve();
    const timer = setTimeout(() => {
      doc.off('update', check);
      reject(new Error('timed out waiting for the room'));
    }, ms);
    const check = () => {
      if (!predicate()) return;
      clearTimeout(timer);
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}

/** POST /rooms on the server at `wsUrl`. */
export async function createRoom(wsUrl: string): Promise<{ room: string; key: string }> {
  const res = await fetch(`${wsUrl.replace(/^ws/, 'http')}/rooms`, { method: 'POST' });
  if (res.status !== 201) throw new Error(`POST /rooms answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { room: string; key: string };
}
