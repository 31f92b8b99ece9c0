import { describe, expect, it } from 'vitest';
import { MAX_STEPS, parseSteps } from './steps.ts';
import { fileNameFor } from '../../store/files.ts';

describe('steps field', () => {
  it('accepts whole numbers from 1 to the maximum', () => {
    expect(parseSteps('200')).toEqual({ ok: true, steps: 200 });
    expect(parseSteps(' 1 ')).toEqual({ ok: true, steps: 1 });
    expect(parseSteps(String(MAX_STEPS))).toEqual({ ok: true, steps: MAX_STEPS });
  });

  it('explains what is wrong with anything else', () => {
    expect(parseSteps('')).toMatchObject({ ok: false, message: 'Enter a number of steps' });
    expect(parseSteps('1.5')).toMatchObject({ ok: false, message: 'Steps must be a whole number' });
    expect(parseSteps('abc')).toMatchObject({ ok: false });
    expect(parseSteps('0')).toMatchObject({ ok: false, message: 'Steps must be at least 1' });
    expect(parseSteps(String(MAX_STEPS + 1))).toMatchObject({ ok: false });
  });
});

describe('file names', () => {
  it('derives a safe file name from the title', () => {
    expect(fileNameFor('Leaky unit with self-excitation')).toBe('leaky-unit-with-self-excitation.json');
    expect(fileNameFor('Réseau (v2) / test')).toBe('reseau-v2-test.json');
    expect(fileNameFor('???')).toBe('network.json');
  });
});
