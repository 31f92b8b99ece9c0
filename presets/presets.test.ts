/** Every preset in presets/ validates, compiles and runs 500 steps without diverging. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, parseDocumentText } from '../src/model/index.ts';
import { Simulator } from '../src/engine/index.ts';

const dir = join(import.meta.dirname, '.');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('presets', () => {
  it('there is at least one preset', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s validates, compiles and runs', (file) => {
    const result = parseDocumentText(readFileSync(join(dir, file), 'utf8'));
    if (!result.ok) throw new Error(result.errors.map(formatIssue).join('\n'));
    expect(result.doc.title.length).toBeGreaterThan(0);
    const sim = Simulator.fromDocument(result.doc);
    sim.run(500);
    expect(sim.t).toBe(500);
    for (const n of sim.program.nodes) for (const v of n.output) expect(Number.isFinite(v)).toBe(true);
  });
});
