/** Why a network cannot be exported: one line naming the nodes (or edges) and what can be exported. */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

/** "nodes "a" (lif), "b" (poisson)" — the offending items with their kinds. */
export function listItems(items: readonly { id: string; what: string }[]): string {
  return items.map((i) => `"${i.id}" (${i.what})`).join(', ');
}
