/**
 * The panels lessons talk about: each step's panel binds nodes and edges its preset has, and a
 * preset whose lesson talks about the Loss or the Gradient flow panel saves that panel in its
 * layout (so it is there when the lesson opens, not only when a step asks for it).
 */
import { describe, expect, it } from 'vitest';
import { course, findPreset } from './catalog.ts';
import { stepPanels } from './stepPanels.ts';

interface SavedDoc {
  nodes: { id: string }[];
  edges: { id: string }[];
  panels?: { type: string; nodes?: string[]; edge?: string }[];
}

const docOf = (name: string) => findPreset(name)!.doc as unknown as SavedDoc;

describe('lesson step panels', () => {
  it.each(Object.entries(stepPanels))('%s: every step panel binds nodes and edges of the preset', (name, steps) => {
    const doc = docOf(name);
    const nodes = new Set(doc.nodes.map((n) => n.id));
    const edges = new Set(doc.edges.map((e) => e.id));
    for (const { panel } of Object.values(steps)) {
      for (const id of panel.nodes ?? []) expect(nodes, `${name}: ${panel.type} node ${id}`).toContain(id);
      if (panel.edge !== undefined) expect(edges, `${name}: ${panel.type} edge ${panel.edge}`).toContain(panel.edge);
    }
  });

  const talks = (text: string, panel: string) => new RegExp(`(\\*\\*)?${panel}(\\*\\*)?\\s+panel`).test(text);
  const cases = course.flatMap((p) => [
    ...(talks(p.lessonText!, 'Loss') ? [[p.name, 'loss'] as const] : []),
    ...(talks(p.lessonText!, 'Gradient flow') ? [[p.name, 'gradient-flow'] as const] : []),
  ]);

  it('finds the lessons about training panels (elman, jordan, xor-memory, vanishing-gradients)', () => {
    expect(new Set(cases.map(([name]) => name))).toEqual(new Set(['elman', 'jordan', 'xor-memory', 'vanishing-gradients']));
  });

  it.each(cases)('%s saves the %s panel its lesson talks about, bound to its BPTT readout', (name, type) => {
    const doc = docOf(name);
    const saved = (doc.panels ?? []).filter((p) => p.type === type);
    expect(saved).toHaveLength(1);
    const readouts = (doc.nodes as { id: string; kind?: string; params?: { training?: { method?: string } } }[]).filter((n) => n.params?.training?.method === 'bptt').map((n) => n.id);
    expect(readouts).toContain(saved[0].nodes![0]);
  });
});
