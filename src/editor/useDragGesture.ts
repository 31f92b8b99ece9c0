/**
 * A drag is a gesture of the canvas, not of the document: while the pointer is down, the dragged
 * positions live here and are laid over the document's nodes (only the dragged nodes change
 * identity, edges keep theirs), and React Flow's own store moves the edges. When the pointer is
 * released the positions are committed to the document as one "Move" (one undo step), and the
 * document is again the one source of what the canvas shows. Keyboard nudges (arrow keys) are
 * committed at once.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { NodeChange } from '@xyflow/react';
import { useStores } from '../store/index.ts';
import { useCommands } from './commands/appContext.ts';
import { documentMoves, dragPositions, withDragPositions, type DragPositions } from './canvasChanges.ts';
import type { Point } from '../store/edits.ts';
import type { SceneNode } from './scene.ts';

const NONE: ReadonlyMap<string, Point> = new Map();

export interface DragGesture {
  /** The nodes to show: the document's, with the drag in progress laid over. */
  nodes: SceneNode[];
  /** Takes React Flow's position changes (the caller handles the other kinds). */
  onPositionChanges(changes: readonly NodeChange<SceneNode>[]): void;
  /** Ids of the nodes the drag moves (the same set for the whole gesture). */
  moving: ReadonlySet<string>;
  /** Pointer released: commits the drag (a no-op when it has been committed already). */
  end(): void;
}

export function useDragGesture(shown: SceneNode[]): DragGesture {
  const [positions, setPositions] = useState<DragPositions>(NONE);
  const { docs } = useStores();
  const { run } = useCommands();
  /** The latest positions and shown nodes, for the handlers (which stay the same functions). */
  const latest = useRef({ positions, shown });
  useLayoutEffect(() => {
    latest.current.shown = shown;
  }, [shown]);

  const commit = useCallback((done: DragPositions, gestureKey: string) => {
    latest.current.positions = NONE;
    setPositions(NONE);
    const moves = documentMoves(done);
    if (moves.length > 0) void run('selection.move', { moves }, gestureKey);
  }, [run]);

  const end = useCallback(() => {
    const pending = latest.current.positions;
    if (pending.size > 0) commit(pending, `drag:${performance.now()}`);
    docs.getState().endGesture();
  }, [commit, docs]);

  const onPositionChanges = useCallback(
    (changes: readonly NodeChange<SceneNode>[]) => {
      const moved = changes.filter((c) => c.type === 'position' && c.position);
      if (moved.length === 0) return;
      const next = new Map(latest.current.positions);
      for (const [id, p] of dragPositions(docs.getState().doc, moved, latest.current.shown)) next.set(id, p);
      const dragging = moved.some((c) => c.type === 'position' && c.dragging);
      if (dragging) {
        latest.current.positions = next;
        setPositions(next);
      } else if (latest.current.positions.size > 0) {
        // The last frame of a drag (React Flow reports it with dragging: false).
        latest.current.positions = next;
        end();
      } else {
        commit(next, 'nudge');
      }
    },
    [commit, end, docs],
  );

  const nodes = useMemo(() => withDragPositions(shown, positions), [shown, positions]);
  const movingKey = [...positions.keys()].join('\n');
  const moving = useMemo(() => new Set(movingKey ? movingKey.split('\n') : []), [movingKey]);
  return { nodes, moving, onPositionChanges, end };
}
