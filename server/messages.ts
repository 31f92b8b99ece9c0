/**
 * Reads what a Hocuspocus client message carries, without applying it: the message is
 * `[room name][message type]…`; a sync message adds `[sync step][update]`
 * (y-protocols/sync: step 1 asks, step 2 and "update" write).
 */
import * as decoding from 'lib0/decoding';

/** Hocuspocus's message types (@hocuspocus/common MessageType). */
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const SYNC_REPLY = 4;
const STATELESS = 5;
const CLOSE = 7;
/** y-protocols/sync message kinds. */
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;

export type ClientMessage =
  | { kind: 'write'; update: Uint8Array }
  | { kind: 'awareness'; bytes: number }
  | { kind: 'read' }
  | { kind: 'unknown'; type: number };

export function readClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case SYNC:
    case SYNC_REPLY: {
      const step = decoding.readVarUint(decoder);
      if (step === STEP1) return { kind: 'read' };
      if (step === STEP2 || step === UPDATE) return { kind: 'write', update: decoding.readVarUint8Array(decoder) };
      return { kind: 'unknown', type };
    }
    case AWARENESS:
      return { kind: 'awareness', bytes: data.byteLength };
    case AUTH:
    case QUERY_AWARENESS:
    case STATELESS:
    case CLOSE:
      return { kind: 'read' };
    default:
      return { kind: 'unknown', type };
  }
}
