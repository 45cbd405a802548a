import { type FormEvent, useState } from 'react';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  documentsErrorText,
  SignatureList,
  type VerifyAnswer,
  verifySignatures,
} from '../modules/documents/index.ts';

/**
 * /kiem-tra-chu-ky — anyone (no sign-in) checks the digital signatures of a PDF, e.g. a document
 * we issued: each signature's result in plain Vietnamese. The file is only checked, not kept.
 */
export function SignatureVerifyPage() {
  const t = useT();
  useDocumentTitle(t('documents.verify.title'));
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ name: string; answer: VerifyAnswer } | null>(null);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    if (!file) return setError(t('documents.verify.pick'));
    if (file.type !== 'application/pdf' && !/\.pdf$/i.test(file.name))
      return setError(t('documents.verify.kind'));
    setBusy(true);
    setResult(null);
    try {
      setResult({ name: file.name, answer: await verifySignatures(file) });
    } catch (err) {
      setError(documentsErrorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page">
      <h1 className="page__title">{t('documents.verify.title')}</h1>
      <p className="lead">{t('documents.verify.intro')}</p>
      <form onSubmit={onSubmit} noValidate aria-label={t('documents.verify.title')}>
        <div className={`field${error ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor="verify-file">
            {t('documents.verify.file')}
          </label>
          {error ? (
            <p className="field__error" id="verify-file-error" role="alert">
              {error}
            </p>
          ) : null}
          <input
            id="verify-file"
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby={error ? 'verify-file-error' : undefined}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('documents.verify.busy') : t('documents.verify.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {result ? (
          <section className="doc-verify-result" aria-labelledby="verify-result-title">
            <h2 id="verify-result-title" className="section__title">
              {t('documents.verify.result', { name: result.name })}
            </h2>
            <p>
              {result.answer.signatures.length === 0
                ? t('documents.verify.noSignature')
                : t('documents.verify.count', { count: result.answer.signatures.length })}
            </p>
            <SignatureList signatures={result.answer.signatures} />
          </section>
        ) : null}
      </div>
    </div>
  );
}
