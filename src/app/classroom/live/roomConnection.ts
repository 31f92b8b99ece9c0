/**
 * One connection to a document of a classroom room (its class document, or the teacher's view of
 * its records): a Hocuspocus provider with the Y.Doc. The provider
 * reconnects by itself after a dropped connection and resynchronises the document (what this
 * browser wrote meanwhile is sent then). When the server refuses a change it closes the room's
 * connection: the document then holds a change the room never took, so it is dropped and a
 * fresh document is synchronised from the room.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { parseRefusal, type JoinToken } from '../../../model/room.ts';

export interface RoomEvents {
  /** A (new) document is attached: observe it. */
  attached(doc: Y.Doc): void;
  /** The first sync of the attached document is done. */
  synced(doc: Y.Doc): void;
  connected(connected: boolean): void;
  /** The server refused to let us join (no such room, wrong key, full): no retry. */
  refusedToJoin(reason: string): void;
  /** The server refused a change (the connection starts again with a fresh document). */
  refusedChange(reason: string): void;
}

export interface RoomConnection {
  readonly doc: Y.Doc;
  /** Runs `fn` in one transaction of the room's document (one update to the server). */
  transact(fn: (doc: Y.Doc) => void): void;
  /** Sends a stateless message (a student's record) on the document; queued while offline. */
  send(text: string): void;
  destroy(): void;
}

/** Milliseconds before a refused connection starts again. */
const RESTART_MS = 1000;

/** `name`: the Hocuspocus document name (the room code, or recordsDocName of it). */
export function connectRoom(server: string, name: string, token: JoinToken, events: RoomEvents): RoomConnection {
  // Reconnect after 0.5–4 s (the retry library refuses a delay below minDelay).
  const socket = new HocuspocusProviderWebsocket({ url: server, delay: 500, minDelay: 500, maxDelay: 4000, factor: 1.6 });
  let doc = new Y.Doc();
  let provider: HocuspocusProvider | null = null;
  let destroyed = false;
  let restart: ReturnType<typeof setTimeout> | null = null;

  const attach = () => {
    const current = doc;
    provider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      document: current,
      token: JSON.stringify(token),
      onSynced: () => events.synced(current),
      onAuthenticationFailed: ({ reason }) => {
        events.refusedToJoin(parseRefusal(reason)?.reason ?? reason);
        destroy();
      },
      onClose: ({ event }) => {
        const refusal = parseRefusal(event.reason ?? '');
        if (!refusal || destroyed || current !== doc) return;
        events.refusedChange(refusal.reason);
        provider?.destroy();
        restart = setTimeout(() => {
          doc = new Y.Doc();
          attach();
        }, RESTART_MS);
      },
    });
    provider.attach();
    events.attached(current);
  };

  const onStatus = ({ status }: { status: string }) => events.connected(status === 'connected');
  socket.on('status', onStatus);

  function destroy() {
    if (destroyed) return;
    destroyed = true;
    if (restart) clearTimeout(restart);
    socket.off('status', onStatus);
    provider?.destroy();
    socket.destroy();
    events.connected(false);
  }

  attach();
  return {
    get doc() {
      return doc;
    },
    transact: (fn) => doc.transact(() => fn(doc)),
    send: (text) => provider?.sendStateless(text),
    destroy,
  };
}
