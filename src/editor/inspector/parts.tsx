/** Small pieces the inspectors share: a label field and a list of problems. */
import { useId, useState } from 'react';

export function LabelField({ value, placeholder, onCommit, name = 'label' }: { value: string; placeholder?: string; onCommit(v: string): void; name?: string }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <div className="form-row">
      <label htmlFor={id} className="form-row__label">
        <span className="form-row__key">{name}</span>
      </label>
      <input
        id={id}
        className="field__input"
        value={draft ?? value}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
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
