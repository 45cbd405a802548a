// Form fields in the GOV.UK pattern: label, optional hint, error message beside the input.
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';

interface FieldBase {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Keeps the label for screen readers only (dense table rows). */
  labelHidden?: boolean;
  className?: string;
}

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Shell({
  id,
  label,
  hint,
  error,
  labelHidden,
  className,
  children,
}: FieldBase & { children: ReactNode }) {
  return (
    <div
      className={['field', error ? 'field--error' : '', className ?? ''].filter(Boolean).join(' ')}
    >
      <label className={labelHidden ? 'visually-hidden' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

/** A labelled `<input>`. */
export function TextField({
  id,
  label,
  hint,
  error,
  labelHidden,
  className,
  ...input
}: FieldBase & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Shell {...{ id, label, hint, error, labelHidden, className }}>
      <input
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </Shell>
  );
}

/** A labelled `<textarea>`. */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  labelHidden,
  className,
  ...area
}: FieldBase & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Shell {...{ id, label, hint, error, labelHidden, className }}>
      <textarea
        id={id}
        className="input textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...area}
      />
    </Shell>
  );
}

/** A labelled `<select>`; `options` are value/label pairs. */
export function SelectField({
  id,
  label,
  hint,
  error,
  labelHidden,
  className,
  options,
  ...select
}: FieldBase &
  SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  return (
    <Shell {...{ id, label, hint, error, labelHidden, className }}>
      <select
        id={id}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/** A checkbox with its label to the right. */
export function CheckboxField({
  id,
  label,
  hint,
  error,
  className,
  ...input
}: Omit<FieldBase, 'labelHidden'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return (
    <div
      className={['checkbox', error ? 'field--error' : '', className ?? '']
        .filter(Boolean)
        .join(' ')}
    >
      <input
        id={id}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
