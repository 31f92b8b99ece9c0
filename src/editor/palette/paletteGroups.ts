/** The palette's sections, from the kind registry: each kind lists itself under its group. */
import { allKinds, type KindSpec, type PaletteGroup } from '../../model/index.ts';

export const GROUP_TITLES: Record<PaletteGroup, string> = {
  inputs: 'Inputs',
  rate: 'Rate neurons & populations',
  spiking: 'Spiking neurons',
  readouts: 'Readouts',
  other: 'Other',
};

const ORDER: PaletteGroup[] = ['inputs', 'rate', 'spiking', 'readouts', 'other'];

/** Registered kinds matching `query` (label, kind, description), by palette group; empty groups left out. */
export function paletteSections(query: string, kinds: readonly KindSpec<unknown>[] = allKinds()): { group: PaletteGroup; title: string; kinds: KindSpec<unknown>[] }[] {
  const q = query.trim().toLowerCase();
  const hit = (k: KindSpec<unknown>) => !q || [k.label, k.kind, k.description].some((s) => s.toLowerCase().includes(q));
  const known = new Set<string>(ORDER);
  return ORDER.map((group) => ({
    group,
    title: GROUP_TITLES[group],
    kinds: kinds.filter((k) => hit(k) && (k.group === group || (group === 'other' && !known.has(k.group)))),
  })).filter((s) => s.kinds.length > 0);
}
