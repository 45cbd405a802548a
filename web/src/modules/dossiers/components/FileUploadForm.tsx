// Upload of scanned papers to a dossier: each chosen file is sent as the raw body of
// POST /dossiers/{id}/files?kind=attachment, optionally tied to a dossier component.
import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { SelectField } from '../../../ui/Field.tsx';
import type { UploadedFile } from '../api/dossier.types.ts';
import { uploadDossierFile } from '../api/dossiers.api.ts';

interface FileUploadFormProps {
  dossierId: string;
  components: { key: string; name: string }[];
  onUploaded?: (file: UploadedFile) => void;
}

const kb = (size: number) => `${Math.max(1, Math.round(size / 1024)).toLocaleString('vi-VN')} KB`;

/** File input, component choice and the upload button; lists what was uploaded. */
export function FileUploadForm({ dossierId, components, onUploaded }: FileUploadFormProps) {
  const t = useT();
  const id = useId();
  // The server files every attachment under a component; with one component there is no choice.
  const [component, setComponent] = useState(
    components.length === 1 ? (components[0]?.key ?? '') : '',
  );
  const [componentError, setComponentError] = useState<string | undefined>();
  const [files, setFiles] = useState<File[]>([]);
  const [inputKey, setInputKey] = useState(0);
  const [done, setDone] = useState<UploadedFile[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missingComponent = components.length > 0 && !component;
    setComponentError(missingComponent ? t('dossiers.validation.component') : undefined);
    if (!files.length || missingComponent) {
      setProblems(files.length ? [] : [t('dossiers.validation.file')]);
      return;
    }
    setBusy(true);
    setProblems([]);
    const failed: string[] = [];
    // One at a time: scans are large and the desk PC's line is often slow.
    for (const file of files) {
      try {
        const uploaded = await uploadDossierFile(
          dossierId,
          file,
          'attachment',
          component || undefined,
        );
        setDone((d) => [...d, uploaded]);
        onUploaded?.(uploaded);
      } catch (error) {
        failed.push(t('dossiers.upload.failed', { name: file.name, reason: errorText(error, t) }));
      }
    }
    setProblems(failed);
    setFiles([]);
    setInputKey((k) => k + 1);
    setBusy(false);
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {components.length ? (
        <SelectField
          id={`${id}-component`}
          label={t('dossiers.upload.component')}
          value={component}
          error={componentError}
          options={[
            { value: '', label: t('form.choose') },
            ...components.map((c) => ({ value: c.key, label: c.name })),
          ]}
          onChange={(e) => setComponent(e.target.value)}
        />
      ) : null}
      <div className={`field${problems.length && !files.length ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor={`${id}-file`}>
          {t('dossiers.upload.file')}
        </label>
        <div className="field__hint" id={`${id}-file-hint`}>
          {t('dossiers.upload.fileHint')}
        </div>
        <input
          key={inputKey}
          id={`${id}-file`}
          type="file"
          multiple
          aria-describedby={`${id}-file-hint`}
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
      </div>
      {problems.length ? (
        <div className="notice notice--error" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ) : null}
      <button type="submit" className="button button--secondary" disabled={busy}>
        {busy ? t('dossiers.upload.uploading') : t('dossiers.upload.submit')}
      </button>
      {done.length ? (
        <div role="status">
          <p>{t('dossiers.upload.uploaded')}:</p>
          <ul>
            {done.map((f) => (
              <li key={f.id}>
                {f.filename} ({kb(f.size)})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
