/** Renders fields described from a zod schema, each with its unit, rule, description and inline problems. */
import { useState, type ReactNode } from 'react';
import { placeholderFor, variantValue, type Field } from './schemaFields.ts';
import { NumberField, type CommitMode } from './NumberField.tsx';

/** What the form's owner provides: where problems are, and how a value is committed. */
export interface FormApi {
  idPrefix: string;
  /** Problems at a path ("signal.period") or inside it. */
  issuesAt(path: string): string[];
  /** Commits a value at `path`; false when it was refused (the field keeps the typed text). */
  commit(path: string[], value: unknown, mode: CommitMode): boolean;
  scrubEnd(): void;
}

const pathText = (path: string[]) => path.join('.');

/** A camelCase key with a line-break opportunity before each capital ("spectral|Radius"), so a narrow inspector breaks it between words. */
function keyText(key: string): ReactNode {
  const words = key.split(/(?=[A-Z])/);
  return words.map((w, i) => (i === 0 ? w : [<wbr key={i} />, w]));
}

/**
 * One field: its key (and unit) beside a number or a check box; above a text, JSON or choice
 * field, which takes the inspector's whole width so its value is not cut off.
 */
function FieldRow({
  field,
  path,
  api,
  children,
  localError,
  shownBelow = [],
}: {
  field: Field;
  path: string[];
  api: FormApi;
  children(id: string, describedBy: string, invalid: boolean): ReactNode;
  localError?: string | null;
  /** Problems the rows below show at their own fields (a variant's fields): not repeated here. */
  shownBelow?: string[];
}) {
  const id = `${api.idPrefix}-${path.join('-')}`;
  const problems = [...(localError ? [localError] : []), ...api.issuesAt(pathText(path)).filter((p) => !shownBelow.includes(p))];
  const meta = field.kind === 'number' ? field.meta : null;
  const hint = [field.description, meta?.rule && meta.rule !== 'a number' ? meta.rule : null].filter(Boolean).join(' · ');
  return (
    <div className={`form-row${field.kind === 'number' || field.kind === 'boolean' ? '' : ' form-row--stacked'}${problems.length ? ' form-row--invalid' : ''}`} data-field={pathText(path)}>
      <label htmlFor={id} className="form-row__label">
        <span className="form-row__key">{keyText(field.key)}</span>
        {meta?.unit && <span className="form-row__unit">{meta.unit}</span>}
      </label>
      {children(id, `${id}-hint ${id}-error`, problems.length > 0)}
      {hint && (
        <p id={`${id}-hint`} className="form-row__hint">
          {hint}
        </p>
      )}
      {problems.length > 0 && (
        <p id={`${id}-error`} className="field__error form-row__error" role="alert">
          {problems.map((p) => (p.startsWith(`${field.key} `) ? p : `${field.key} ${p}`)).join('; ')}
        </p>
      )}
    </div>
  );
}

/** The props every number field of the form shares: its validity, its description, and committing to `path`. */
function numberFieldWiring(api: FormApi, path: string[], invalid: boolean, describedBy: string | undefined, onLocalError: (message: string | null) => void) {
  return { invalid, describedBy, onLocalError, onCommit: (v: number | undefined, mode: CommitMode) => api.commit(path, v, mode), onScrubEnd: api.scrubEnd };
}

function NumberRow({ field, path, api, value }: { field: Extract<Field, { kind: 'number' }>; path: string[]; api: FormApi; value: unknown }) {
  const [localError, setLocalError] = useState<string | null>(null);
  return (
    <FieldRow field={field} path={path} api={api} localError={localError}>
      {(id, describedBy, invalid) => (
        <NumberField
          id={id}
          label={field.key}
          value={typeof value === 'number' ? value : undefined}
          meta={field.meta}
          optional={field.optional}
          fallback={typeof field.defaultValue === 'number' ? field.defaultValue : undefined}
          {...numberFieldWiring(api, path, invalid, describedBy, setLocalError)}
        />
      )}
    </FieldRow>
  );
}

/** A text field committed on Enter or blur: plain text, or JSON for values the form cannot break down. */
function TextRow({ field, path, api, value, json }: { field: Field; path: string[]; api: FormApi; value: unknown; json: boolean }) {
  const shown = value === undefined ? '' : json ? JSON.stringify(value) : String(value);
  const [draft, setDraft] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    let v: unknown = draft;
    if (json) {
      if (draft.trim() === '' && field.optional) v = undefined;
      else {
        try {
          v = JSON.parse(draft);
        } catch {
          setLocalError('must be valid JSON (a number, a list like [1, 2], or an object)');
          return;
        }
      }
    }
    setLocalError(null);
    if (api.commit(path, v, 'step')) setDraft(null);
  };
  return (
    <FieldRow field={field} path={path} api={api} localError={localError}>
      {(id, describedBy, invalid) => (
        <input
          id={id}
          className={`field__input${json ? ' field__input--mono' : ''}`}
          value={draft ?? shown}
          placeholder={field.optional ? '—' : undefined}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      )}
    </FieldRow>
  );
}

function ChoiceRow({ field, path, api, value }: { field: Extract<Field, { kind: 'enum' | 'variant' }>; path: string[]; api: FormApi; value: unknown }) {
  const [localError, setLocalError] = useState<string | null>(null);
  // a variant field whose value may also be a number (an edge's connectivity): that number is one
  // more choice, named by its meta `choice`, edited under the picker
  const scalar = field.kind === 'variant' ? field.scalar : undefined;
  const scalarChoice = scalar?.meta.choice;
  const isScalar = scalar !== undefined && typeof value === 'number';
  const options = field.kind === 'enum' ? field.options : [...(scalarChoice ? [scalarChoice] : []), ...field.variants.map((v) => v.value)];
  const current = field.kind === 'enum' ? value : isScalar ? scalarChoice : (value as Record<string, unknown> | undefined)?.[field.discriminator];
  // the chosen variant's own fields (none for e.g. a delta synapse: then no empty group is drawn)
  const variantFields = field.kind === 'variant' && current !== undefined && !isScalar ? (field.variants.find((v) => v.value === current)?.fields ?? []) : [];
  const pick = (choice: string) => {
    setLocalError(null);
    if (choice === '') return api.commit(path, undefined, 'step');
    if (scalar && choice === scalarChoice) return api.commit(path, placeholderFor(scalar), 'step');
    return api.commit(path, field.kind === 'enum' ? choice : variantValue(field, choice, typeof value === 'object' ? value : undefined), 'step');
  };
  return (
    <>
      <FieldRow field={field} path={path} api={api} localError={localError} shownBelow={variantFields.flatMap((f) => api.issuesAt(pathText([...path, f.key])))}>
        {(id, describedBy, invalid) => (
          <span className="form-row__choice">
            <select id={id} className="field__input" value={current === undefined ? '' : String(current)} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => pick(e.target.value)}>
              {(field.optional || current === undefined) && <option value="">{field.optional ? 'none' : '—'}</option>}
              {options.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
            {isScalar && (
              <NumberField
                id={`${id}-value`}
                label={`${field.key} (${scalarChoice})`}
                ariaLabel={scalar.description ?? scalarChoice}
                value={value}
                meta={scalar.meta}
                optional={false}
                {...numberFieldWiring(api, path, invalid, describedBy, setLocalError)}
              />
            )}
          </span>
        )}
      </FieldRow>
      {variantFields.length > 0 && (
        <div className="form-group">
          <SchemaFields fields={variantFields} value={value as Record<string, unknown>} path={path} api={api} />
        </div>
      )}
    </>
  );
}

function FieldView({ field, value, path, api }: { field: Field; value: unknown; path: string[]; api: FormApi }) {
  switch (field.kind) {
    case 'number':
      return <NumberRow field={field} path={path} api={api} value={value} />;
    case 'enum':
    case 'variant':
      return <ChoiceRow field={field} path={path} api={api} value={value} />;
    case 'boolean':
      return (
        <FieldRow field={field} path={path} api={api}>
          {(id, describedBy) => <input id={id} type="checkbox" checked={value === true} aria-describedby={describedBy} onChange={(e) => api.commit(path, e.target.checked, 'step')} />}
        </FieldRow>
      );
    case 'object':
      return (
        <fieldset className="form-group">
          <legend>{field.key}</legend>
          <SchemaFields fields={field.fields} value={(value ?? placeholderFor(field)) as Record<string, unknown>} path={path} api={api} />
        </fieldset>
      );
    case 'string':
    case 'json':
      return <TextRow field={field} path={path} api={api} value={value} json={field.kind === 'json'} />;
  }
}

/** The fields of an object value. */
export function SchemaFields({ fields, value, path, api }: { fields: Field[]; value: Record<string, unknown>; path: string[]; api: FormApi }) {
  return (
    <>
      {fields.map((f) => (
        <FieldView key={f.key} field={f} value={value?.[f.key]} path={[...path, f.key]} api={api} />
      ))}
    </>
  );
}
