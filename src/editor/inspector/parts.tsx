/** Small pieces the inspectors share: a label field and a list of problems. */
import { useId, useState } from 'react';

/**
 * A text field across the inspector's width (a label, a title), or several lines for a paragraph
 * (`multiline`: a description, committed on leaving the field or Ctrl+Enter).
 */
export function LabelField({ value, placeholder, onCommit, name = 'label', multiline = false }: { value: string; placeholder?: string; onCommit(v: string): void; name?: string; multiline?: boolean }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  const common = { id, value: draft ?? value, placeholder, onBlur: commit };
  return (
    <div className="form-row form-row--stacked">
      <label htmlFor={id} className="form-row__label">
        <span className="form-row__key">{name}</span>
      </label>
      {multiline ? (
        <textarea {...common} className="field__input field__input--text" rows={3} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && commit()} />
      ) : (
        <input {...common} className="field__input" onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && commit()} />
      )}
    </div>
  );
}

export function Problems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="inspector__problems" role="alert" data-testid="inspector-problems">
      {problems.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
