// Signing with a USB token (ký số bằng thiết bị của người ký): the signer's key never leaves the
// token. The server prepares the PDF and gives the SHA-256 of its signed byte ranges; the
// signer's local signing app signs it and the server embeds the CMS (documents.deferred.ts).
// Two ways: in one click through the app's local HTTP interface (LocalAppSigning,
// docs/local-signing-app.md), or — the fallback for apps without it, or a browser that may not
// reach the loopback — by hand: the app writes a signature file (.p7s) that the signer sends.
// Shown to the signer of an approved draft beside the one-click signing.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { Notice } from '../../../ui/Notice.tsx';
import type { DocumentDetail, SigningSession } from '../api/document.types.ts';
import {
  beginTokenSigning,
  completeTokenSigning,
  tokenSigningPdfUrl,
} from '../api/documents.api.ts';
import { cmsBase64 } from '../lib/cms-file.ts';
import { documentsErrorText } from '../lib/labels.ts';
import { DownloadLink } from './DownloadLink.tsx';
import { LocalAppSigning } from './LocalAppSigning.tsx';

export function TokenSigning({
  doc,
  onSigned,
}: {
  doc: DocumentDetail;
  onSigned: (doc: DocumentDetail) => void;
}) {
  const t = useT();
  const [session, setSession] = useState<SigningSession | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [fileError, setFileError] = useState('');
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);

  const begin = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      setSession(await beginTokenSigning(doc.id, doc.version));
    } catch (e) {
      setError(documentsErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!session || busy) return;
    setFileError('');
    setError('');
    if (!file) {
      setFileError(t('documents.token.fileRequired'));
      document.getElementById('token-cms')?.focus();
      return;
    }
    const cms = cmsBase64(new Uint8Array(await file.arrayBuffer()));
    if (!cms) {
      setFileError(t('documents.token.fileInvalid'));
      document.getElementById('token-cms')?.focus();
      return;
    }
    setBusy(true);
    try {
      onSigned(await completeTokenSigning(doc.id, session.sessionId, cms));
    } catch (e) {
      setError(documentsErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="doc-token" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('documents.token.summary')}</summary>
      <p className="muted">{t('documents.token.lead')}</p>
      <LocalAppSigning doc={doc} active={open} onSigned={onSigned} />
      <section className="doc-token__manual" aria-labelledby="token-manual-title">
        <h3 id="token-manual-title">{t('documents.token.manual.title')}</h3>
        <p className="muted">{t('documents.token.manual.lead')}</p>
        {error ? (
          <p className="notice notice--warning" role="alert">
            {error}
          </p>
        ) : null}
        {!session ? (
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => void begin()}
            disabled={busy}
            aria-busy={busy || undefined}
          >
            {t('documents.token.begin')}
          </button>
        ) : (
          <>
            <Notice kind="info">
              {t('documents.token.ready', { until: formatDateTime(session.expiresAt) })}
            </Notice>
            <dl className="summary-list">
              <dt>{t('documents.token.hash')}</dt>
              <dd>
                <code className="doc-token__hash" data-testid="token-hash">
                  {session.hash}
                </code>
              </dd>
              <dt>{t('documents.token.byteRange')}</dt>
              <dd>
                <code>[{session.byteRange.join(', ')}]</code>
              </dd>
            </dl>
            <p>
              <DownloadLink
                href={tokenSigningPdfUrl(doc.id, session.sessionId)}
                fileName="van-ban-chuan-bi-ky.pdf"
              >
                {t('documents.token.pdf')}
              </DownloadLink>
            </p>
            <form onSubmit={send} noValidate aria-label={t('documents.token.send')}>
              <div className={`field${fileError ? ' field--error' : ''}`}>
                <label className="field__label" htmlFor="token-cms">
                  {t('documents.token.file')}
                </label>
                <div className="field__hint" id="token-cms-hint">
                  {t('documents.token.fileHint')}
                </div>
                {fileError ? (
                  <p className="field__error" id="token-cms-error" role="alert">
                    {fileError}
                  </p>
                ) : null}
                <input
                  id="token-cms"
                  type="file"
                  className="input"
                  accept=".p7s,.p7m,.p7b,.pem,.cms,.der,.txt,application/pkcs7-signature"
                  aria-describedby={`token-cms-hint${fileError ? ' token-cms-error' : ''}`}
                  aria-invalid={fileError ? true : undefined}
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              </div>
              <button
                type="submit"
                className="button"
                disabled={busy}
                aria-busy={busy || undefined}
              >
                {t('documents.token.send')}
              </button>
            </form>
          </>
        )}
      </section>
    </details>
  );
}
