/** What to do on an empty canvas: where node kinds come from, and where the shortcuts are. */
export function EmptyCanvasHint() {
  return (
    <div className="canvas-hint" data-testid="empty-canvas-hint">
      <p className="canvas-hint__title">An empty network</p>
      <p className="canvas-hint__text">
        Drag a node kind from the palette onto the canvas, or click one to add it here. Then drag from a node’s right handle to another node to connect them
        (or focus a node and press <kbd>C</kbd>). Press <kbd>?</kbd> for every shortcut.
      </p>
    </div>
  );
}
