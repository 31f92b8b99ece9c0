import { describe, expect, it } from 'vitest';
import { DRAW_COST_FACTOR, drawInterval, FULL_SPEED_DRAW_INTERVAL_MS, FULL_SPEED_SLOWEST_DRAW_MS } from './panelRuntime.ts';

describe('redraw interval of the panels', () => {
  const max = { status: 'running', speed: 0 };

  it('is none below full speed or when not running', () => {
    expect(drawInterval({ status: 'running', speed: 5 }, 40)).toBe(0);
    expect(drawInterval({ status: 'paused', speed: 0 }, 40)).toBe(0);
  });

  it('at full speed follows the measured cost of a redraw, between 20 and 5 redraws a second', () => {
    expect(FULL_SPEED_DRAW_INTERVAL_MS).toBe(50);
    expect(FULL_SPEED_SLOWEST_DRAW_MS).toBe(200);
    expect(drawInterval(max, 0)).toBe(50);
    expect(drawInterval(max, 1)).toBe(50);
    expect(drawInterval(max, 6)).toBe(6 * DRAW_COST_FACTOR);
    expect(drawInterval(max, 25)).toBe(200);
  });
});
