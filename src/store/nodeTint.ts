/**
 * Canvas nodes tinted by a live value (the information panels' current average AIS): a panel
 * sets a node's tint, the node component reads it into a CSS variable. Not part of the document
 * or its history; cleared when the panel stops tinting.
 */
import { create } from 'zustand';

export interface NodeTint {
  /** CSS colour of the tint. */
  color: string;
  /** What it shows, for the node's tooltip ("AIS 0.412 bits"). */
  label: string;
}

export interface NodeTintState {
  tints: Record<string, NodeTint>;
  /** Tints a node (null: removes its tint). */
  setTint(node: string, tint: NodeTint | null): void;
}

export function createNodeTintStore() {
  return create<NodeTintState>()((set) => ({
    tints: {},
    setTint: (node, tint) =>
      set((s) => {
        if (tint === null) {
          if (!(node in s.tints)) return s;
          const rest = { ...s.tints };
          delete rest[node];
          return { tints: rest };
        }
        const old = s.tints[node];
        if (old?.color === tint.color && old.label === tint.label) return s;
        return { tints: { ...s.tints, [node]: tint } };
      }),
  }));
}

export type NodeTintStore = ReturnType<typeof createNodeTintStore>;
