/**
 * Jumping a xoshiro128** stream ahead (rng-jump.ts) against drawing the outputs one by one: the
 * same state for short and long jumps, jumps that compose, and a jump of 0.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from './rng.ts';
import { jumpState } from './rng-jump.ts';

function stateAfterDraws(seed: number, label: string, count: number): Int32Array {
  const rng = new Rng(seed, label);
  const block = new Uint32Array(4096);
  for (let left = count; left > 0; left -= block.length) {
    if (left >= block.length) rng.fillUint32(block);
    else for (let i = 0; i < left; i++) rng.nextUint32();
  }
  const words = new Int32Array(4);
  rng.saveState(words);
  return words;
}

function stateAfterJump(seed: number, label: string, count: number): Int32Array {
  const words = new Int32Array(4);
  new Rng(seed, label).saveState(words);
  jumpState(words, count);
  return words;
}

describe('jumpState', () => {
  it('leaves the state that drawing the outputs one by one leaves', () => {
    for (const [seed, label] of [[1, 'edge:w'], [42, 'edge:recurrent'], [0xffffffff, '']] as const) {
      for (const count of [0, 1, 2, 3, 31, 32, 33, 1000, 65536, 1234567, 40_000_002]) {
        expect(Array.from(stateAfterJump(seed, label, count)), `seed ${seed}, ${count} outputs`).toEqual(Array.from(stateAfterDraws(seed, label, count)));
      }
    }
  });

  it('continues the stream: the outputs after a jump are those after the drawn ones', () => {
    const drawn = new Rng(7, 'edge:e');
    for (let i = 0; i < 99_999; i++) drawn.nextUint32();
    const jumped = new Rng(7, 'edge:e');
    const words = new Int32Array(4);
    jumped.saveState(words);
    jumpState(words, 60_000);
    jumpState(words, 39_999);
    jumped.loadState(words);
    expect([jumped.nextUint32(), jumped.nextUint32(), jumped.uniform()]).toEqual([drawn.nextUint32(), drawn.nextUint32(), drawn.uniform()]);
  });

  it('refuses a count it cannot jump', () => {
    const words = Int32Array.of(1, 2, 3, 4);
    expect(() => jumpState(words, -1)).toThrow(RangeError);
    expect(() => jumpState(words, 2 ** 32)).toThrow(RangeError);
    expect(() => jumpState(words, 1.5)).toThrow(RangeError);
    expect(Array.from(words)).toEqual([1, 2, 3, 4]);
  });
});
