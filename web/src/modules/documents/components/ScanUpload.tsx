// The scan of a paper document (bản quét) sent to the OCR (POST /documents/ocr): its proposals
// go to the registration form; when the server has no OCR (available false, or the route not
// there yet) the clerk is told plainly and types everything. The scan is attached either way.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { OcrAnswer } from '../api/document.types.ts';
import { recognizeScan } from '../api/documents.api.ts';
import { documentsErrorText, isMissingRoute } from '../lib/labels.ts';

const SCAN_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

export function ScanUpload({
  onRecognized,
  onUnavailable,
  status,
}: {
  /** The OCR read the scan. */
  onRecognized: (answer: OcrAnswer, scan: File) => void;
  /** No OCR on the server: `message` says so; the scan is still attached. */
  onUnavailable: (message: string, scan: File) => void;
  /** The outcome to show (set by the parent after it applied the proposals). */
  status: { kind: 'success' | 'info' | 'error'; text: string } | null;
}) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    if (!file) return setError(t('documents.scan.pick'));
    if (!SCAN_TYPES.includes(file.type) && !/\.(pdf|png|jpe?g)$/i.test(file.name))
      return setError(t('documents.scan.kind'));
    setBusy(true);
    try {
      const answer = await recognizeScan(file);
      if (!answer.available)
        onUnavailable(answer.message?.trim() || t('documents.scan.unavailable'), file);
      else onRecognized(answer, file);
    } catch (err) {
      if (isMissingRoute(err)) onUnavailable(t('documents.scan.unavailable'), file);
      else setError(documentsErrorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="doc-scan" onSubmit={onSubmit} noValidate aria-labelledby="scan-title">
      <h2 id="scan-title" className="section__title">
        {t('documents.scan.title')}
      </h2>
      <p className="muted">{t('documents.scan.hint')}</p>
      <div className={`field${error ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor="scan-file">
          {t('documents.scan.file')}
        </label>
        {error ? (
          <p className="field__error" id="scan-file-error" role="alert">
            {error}
          </p>
        ) : null}
        <input
          id="scan-file"
          type="file"
          accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
          aria-describedby={error ? 'scan-file-error' : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" className="button button--secondary" disabled={busy}>
        {busy ? t('documents.scan.busy') : t('documents.scan.submit')}
      </button>
      <div aria-live="polite">
        {status ? (
          <p className={`notice notice--${status.kind === 'error' ? 'error' : status.kind}`}>
            {status.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
