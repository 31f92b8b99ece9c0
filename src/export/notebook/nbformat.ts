/**
 * Jupyter notebook documents, nbformat 4.5 (cells carry ids; https://nbformat.readthedocs.io):
 * just what the exporter writes — markdown and code cells, cell tags, kernel metadata.
 */

export interface MarkdownCell {
  cell_type: 'markdown';
  id: string;
  metadata: Record<string, unknown>;
  source: string[];
}

export interface CodeCell {
  cell_type: 'code';
  id: string;
  metadata: { tags?: string[] } & Record<string, unknown>;
  source: string[];
  execution_count: null;
  outputs: [];
}

export type Cell = MarkdownCell | CodeCell;

export interface Notebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: Record<string, unknown>;
  cells: Cell[];
}

/** nbformat stores a cell's text as lines, each but the last ending in "\n". */
function lines(text: string): string[] {
  const parts = text.split('\n');
  return parts.map((line, i) => (i < parts.length - 1 ? `${line}\n` : line)).filter((l) => l.length > 0);
}

export class NotebookBuilder {
  private readonly cells: Cell[] = [];

  markdown(text: string): this {
    this.cells.push({ cell_type: 'markdown', id: this.nextId(), metadata: {}, source: lines(text) });
    return this;
  }

  code(text: string, tags: string[] = []): this {
    this.cells.push({
      cell_type: 'code',
      id: this.nextId(),
      metadata: tags.length > 0 ? { tags } : {},
      source: lines(text),
      execution_count: null,
      outputs: [],
    });
    return this;
  }

  build(metadata: Record<string, unknown> = {}): Notebook {
    return {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {
        kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
        language_info: { name: 'python' },
        ...metadata,
      },
      cells: this.cells,
    };
  }

  private nextId(): string {
    return `cell-${String(this.cells.length + 1).padStart(3, '0')}`;
  }
}
