import { describe, expect, it } from 'vitest';
import { BufferPool } from './buffer-pool.ts';

describe('BufferPool (probe buffers the page gives back)', () => {
  it('hands out the smallest spare buffer that holds the length, else a new one', () => {
    const pool = new BufferPool();
    const small = new ArrayBuffer(8 * 10);
    const large = new ArrayBuffer(8 * 100);
    pool.give([large, small]);
    const a = pool.take(8);
    expect(a.buffer).toBe(small);
    expect(a.length).toBe(8);
    const b = pool.take(50);
    expect(b.buffer).toBe(large);
    expect(b.length).toBe(50);
    expect(pool.size).toBe(0);
    const c = pool.take(5); // none left: a new buffer
    expect(c.buffer).not.toBe(small);
    expect(c.length).toBe(5);
  });

  it('keeps at most `limit` buffers, the newest, and skips detached or repeated ones', () => {
    const pool = new BufferPool(2);
    const buffers = [1, 2, 3].map((k) => new ArrayBuffer(8 * k));
    const detached = new ArrayBuffer(8);
    structuredClone(detached, { transfer: [detached] });
    pool.give([...buffers, detached, buffers[2]]);
    expect(pool.size).toBe(2);
    expect(pool.take(1).buffer).toBe(buffers[1]);
    expect(pool.take(1).buffer).toBe(buffers[2]);
  });
});
