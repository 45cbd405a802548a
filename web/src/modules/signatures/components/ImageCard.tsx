// One image (my signature, or a unit's seal): what is in use, upload or replace it, remove it
// after a second click. Errors are announced and focus goes to the file field.
import type { SignatureImageInfo, SignatureImagesReply } from '@cqs/shared/signatures/index';
import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../ui/error-text.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { imageFileProblem } from '../lib/image-file.ts';

export function ImageCard({
  title,
  hint,
  info,
  imageUrl,
  imageAlt,
  editable,
  upload,
  remove,
  onChanged,
}: {
  title: string;
  hint: string;
  info: SignatureImageInfo;
  imageUrl: string;
  imageAlt: string;
  editable: boolean;
  upload: (file: File) => Promise<SignatureImagesReply>;
  remove: () => Promise<SignatureImagesReply>;
  onChanged: (reply: SignatureImagesReply) => void;
}) {
  const t = useT();
  const id = useId();
  const fileId = `${id}-file`;
  const errorId = `${id}-error`;
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<SignatureImagesReply>, message: string) => {
    setBusy(true);
    setError('');
    setDone('');
    try {
      onChanged(await work());
      setDone(message);
      setFile(null);
      setConfirming(false);
    } catch (e) {
      setError(errorText(e, t));
      document.getElementById(fileId)?.focus();
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problem = imageFileProblem(file);
    if (problem || !file) {
      setDone('');
      setError(t(`signatures.error.${problem ?? 'required'}`));
      document.getElementById(fileId)?.focus();
      return;
    }
    void run(() => upload(file), t('signatures.uploaded'));
    event.currentTarget.reset();
  };

  return (
    <section className="signature-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="muted">{hint}</p>
      {info.present ? (
        <figure className="signature-card__figure">
          <img
            className="signature-card__image"
            src={imageUrl}
            alt={imageAlt}
            width={info.width ?? undefined}
            height={info.height ?? undefined}
          />
          <figcaption className="muted">
            {t('signatures.current', {
              width: info.width ?? 0,
              height: info.height ?? 0,
              when: formatDateTime(info.updatedAt),
              by: info.updatedByName ?? '',
            })}
          </figcaption>
        </figure>
      ) : (
        <p>{t('signatures.none')}</p>
      )}
      {done ? <Notice>{done}</Notice> : null}
      {editable ? (
        <form onSubmit={onSubmit} noValidate>
          <div className={`field${error ? ' field--error' : ''}`}>
            <label className="field__label" htmlFor={fileId}>
              {t('signatures.file')}
            </label>
            {error ? (
              <p className="field__error" id={errorId} role="alert">
                {error}
              </p>
            ) : null}
            <input
              id={fileId}
              type="file"
              accept="image/png,image/jpeg,image/webp"
              aria-describedby={error ? errorId : undefined}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <div className="signature-card__actions">
            <button type="submit" className="button" disabled={busy}>
              {info.present ? t('signatures.replace') : t('signatures.upload')}
            </button>
            {info.present && !confirming ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => setConfirming(true)}
              >
                {t('signatures.remove')}
              </button>
            ) : null}
          </div>
          {confirming ? (
            <fieldset className="signature-card__confirm">
              <legend className="visually-hidden">{t('signatures.remove')}</legend>
              <p>{t('signatures.removeQuestion')}</p>
              <button
                type="button"
                className="button button--warning"
                disabled={busy}
                onClick={() => void run(remove, t('signatures.removed'))}
              >
                {t('signatures.removeConfirm')}
              </button>{' '}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setConfirming(false)}
              >
                {t('signatures.removeCancel')}
              </button>
            </fieldset>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
