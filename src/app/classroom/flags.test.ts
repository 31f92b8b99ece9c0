import { describe, expect, it } from 'vitest';
import { parseExposeItem, parseFlags, type FlagContext } from './flags.ts';

const ctx: FlagContext = { lessons: new Map([['self-connected-unit', 4], ['hopfield', 4]]), presets: new Set(['self-connected-unit', 'hopfield', 'leaky-unit']) };

describe('classroom URL flags', () => {
  it('no flags: nothing changes, nothing to report', () => {
    const r = parseFlags('', ctx);
    expect(r.any).toBe(false);
    expect(r.problems).toEqual([]);
    expect(r.flags.lock).toBe(false);
  });

  it('parses every valid flag', () => {
    const r = parseFlags('?palette=0&inspector=0&lock=1&expose=x.params.leak,self.params.weight.value:-3:3&lesson=self-connected-unit&step=2&large=1&theme=dark&gallery=1', ctx);
    expect(r.problems).toEqual([]);
    expect(r.any).toBe(true);
    expect(r.flags).toEqual({
      hidePalette: true,
      hideInspector: true,
      lock: true,
      expose: [{ ref: 'x.params.leak' }, { ref: 'self.params.weight.value', min: -3, max: 3 }],
      lesson: 'self-connected-unit',
      step: 2,
      preset: null,
      large: true,
      theme: 'dark',
      gallery: true,
    });
  });

  it('classroom=1 hides palette and inspector and locks; single flags override it', () => {
    const r = parseFlags('classroom=1&inspector=1', ctx);
    expect(r.flags).toMatchObject({ hidePalette: true, hideInspector: false, lock: true });
  });

  it('accepts true/false/yes/no/on/off and a bare key', () => {
    expect(parseFlags('large', ctx).flags.large).toBe(true);
    expect(parseFlags('lock=yes&large=off', ctx).flags).toMatchObject({ lock: true, large: false });
  });

  it('reports and ignores bad values, unknown flags and unknown lessons', () => {
    const r = parseFlags('lock=maybe&theme=pink&lesson=self-connected&step=2&zoom=3&expose=1bad;,ok.params.a', ctx);
    expect(r.flags.lock).toBe(false);
    expect(r.flags.theme).toBeNull();
    expect(r.flags.lesson).toBeNull();
    expect(r.flags.step).toBeNull();
    expect(r.flags.expose).toEqual([{ ref: 'ok.params.a' }]);
    expect(r.problems).toEqual([
      'unknown flag “zoom” (known: classroom, palette, inspector, lock, expose, lesson, step, preset, large, theme, gallery)',
      'lock=maybe: expected 1 or 0',
      'theme=pink: expected light or dark',
      'expose: “1bad;” is not ID.path (e.g. self.params.weight.value)',
      'lesson=self-connected: no such lesson (did you mean “self-connected-unit”?)',
      'step=2: needs a valid lesson',
    ]);
  });

  it('checks the step against the lesson', () => {
    expect(parseFlags('lesson=hopfield&step=9', ctx).problems).toEqual(['step=9: the lesson has steps 1–4']);
    expect(parseFlags('lesson=hopfield&step=1.5', ctx).problems).toEqual(['step=1.5: the lesson has steps 1–4']);
  });

  it('a lesson wins over a preset; an unknown preset is reported', () => {
    expect(parseFlags('lesson=hopfield&preset=leaky-unit', ctx).problems).toEqual(['preset: ignored, the lesson loads its own preset']);
    expect(parseFlags('preset=leaky-unit', ctx).flags.preset).toBe('leaky-unit');
    expect(parseFlags('preset=nothing', ctx).problems).toEqual(['preset=nothing: no such preset']);
  });

  it('parses exposed bounds', () => {
    expect(parseExposeItem('x.params.leak:0:1')).toEqual({ ref: 'x.params.leak', min: 0, max: 1 });
    // a link made for format 1 names a weight option inside the weight; format 2 keeps it beside
    expect(parseExposeItem('rec.params.weight.spectralRadius:0.5:1.5')).toEqual({ ref: 'rec.params.spectralRadius', min: 0.5, max: 1.5 });
    expect(parseExposeItem('rec.params.weight.value')).toEqual({ ref: 'rec.params.weight.value' });
    expect(parseExposeItem('x.params.leak:1:0')).toMatch(/min < max/);
    expect(parseExposeItem('x.params.leak:a:1')).toMatch(/min < max/);
    expect(parseExposeItem('x')).toMatch(/not ID\.path/);
    expect(parseExposeItem('x.params.leak:0')).toMatch(/min < max/);
  });
});
