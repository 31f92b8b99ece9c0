/**
 * Per-room and per-connection limits of the classroom server, with the token bucket that bounds
 * how fast one connection may send.
 */

export interface ClassroomLimits {
  /** Students who may join one room (each distinct student counts once). */
  maxStudents: number;
  /** Largest network (the graph document's JSON text), in bytes. */
  maxDocumentBytes: number;
  /** Largest student record (as JSON), in bytes. */
  maxRecordBytes: number;
  /** Largest single message from a client, in bytes. */
  maxMessageBytes: number;
  /** Largest room (its whole Yjs state), in bytes. */
  maxRoomBytes: number;
  /** Messages one connection may send in a burst, then `messagesPerSecond` on average. */
  messageBurst: number;
  messagesPerSecond: number;
  /** Rooms one address may create per hour. */
  roomsPerHour: number;
  /** Rooms the server keeps at most. */
  maxRooms: number;
}

export const DEFAULT_LIMITS: ClassroomLimits = {
  maxStudents: 60,
  maxDocumentBytes: 1 << 20,
  maxRecordBytes: 16 << 10,
  maxMessageBytes: 2 << 20,
  maxRoomBytes: 8 << 20,
  messageBurst: 200,
  messagesPerSecond: 50,
  roomsPerHour: 30,
  maxRooms: 10_000,
};

/** "1.2 MB", "16 kB", "300 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  if (n >= 1 << 10) return `${Math.round(n / (1 << 10))} kB`;
  return `${n} bytes`;
}

/**
 * A token bucket: `take()` succeeds while tokens remain; tokens come back at `rate` per second
 * up to `capacity`. Time comes from `now` (ms) so tests can drive it.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly rate: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  take(n = 1): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }
}
