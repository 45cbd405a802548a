// Files to send with a document: a file input that adds to a list, each with a remove button;
// disabled (with the reason) for a confidential document.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatSize } from '../lib/files.ts';

export function FileListField({
  id,
  label,
  hint,
  files,
  onChange,
  disabled = false,
  disabledHint,
  error,
  accept,
}: {
  id: string;
  label: string;
  hint?: string;
  files: readonly File[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
  disabledHint?: string;
  error?: string;
  accept?: string;
}) {
  const t = useT();
  // A new key empties the input after each pick, so the same file can be picked again.
  const [inputKey, setInputKey] = useState(0);
  const hintText = disabled && disabledHint ? disabledHint : hint;
  const described = [hintText ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hintText ? (
        <div className="field__hint" id={`${id}-hint`}>
          {hintText}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        key={inputKey}
        id={id}
        type="file"
        multiple
        accept={accept}
        disabled={disabled}
        aria-describedby={described || undefined}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const picked = [...(e.target.files ?? [])];
          if (picked.length) onChange([...files, ...picked]);
          setInputKey((k) => k + 1);
        }}
      />
      {files.length > 0 && !disabled ? (
        <ul className="doc-file-list" aria-label={t('documents.form.fileList')}>
          {files.map((file, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two picks of one name stay apart.
            <li key={`${file.name}-${index}`}>
              <span>{file.name}</span> <span className="muted">({formatSize(file.size)})</span>{' '}
              <button
                type="button"
                className="button button--link button--small"
                onClick={() => onChange(files.filter((_, i) => i !== index))}
              >
                {t('documents.form.removeFile', { name: file.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
