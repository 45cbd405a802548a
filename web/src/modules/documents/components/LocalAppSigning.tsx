// One-click signing with a USB token through the local signing app on the signer's computer
// (docs/local-signing-app.md): find the app, choose one of its certificates, and sign — the
// page opens a signing session, hands the app the session's hash, and sends the app's CMS back
// to the server, which checks it before the document counts as signed. The app is looked for
// only once the signer opens the token section, so no other page (and no other user) ever
// makes the browser knock on the loopback.
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { DocumentDetail, SigningSession } from '../api/document.types.ts';
import { beginTokenSigning, completeTokenSigning } from '../api/documents.api.ts';
import { documentsErrorText } from '../lib/labels.ts';
import {
  certificateExpired,
  DEFAULT_LOCAL_APP_URL,
  detectLocalApp,
  LocalAppError,
  type LocalAppFailure,
  type LocalAppInfo,
  loadAppUrl,
  normaliseAppUrl,
  saveAppUrl,
  signWithLocalApp,
} from '../lib/local-signing-app.ts';

type Probe =
  | { state: 'idle' }
  | { state: 'checking'; url: string }
  | { state: 'found'; url: string; info: LocalAppInfo }
  | { state: 'failed'; url: string; failure: LocalAppFailure };

/** The CN of an X.500 name as the app writes it ("CN=…, O=…"), else the whole name. */
function commonName(dn: string): string {
  return /(?:^|,\s*)CN=((?:\\,|[^,])+)/.exec(dn)?.[1]?.replace(/\\,/g, ',') ?? dn;
}

/** A session still good for a minute: the signer may take that long at the PIN dialog. */
const fresh = (s: SigningSession | null): s is SigningSession =>
  !!s && Date.parse(s.expiresAt) - Date.now() > 60_000;

export function LocalAppSigning({
  doc,
  active,
  onSigned,
}: {
  doc: DocumentDetail;
  /** True once the token section is open: only then is the app looked for. */
  active: boolean;
  onSigned: (doc: DocumentDetail) => void;
}) {
  const t = useT();
  const id = useId().replace(/:/g, '');
  const [urlText, setUrlText] = useState(loadAppUrl);
  const [urlError, setUrlError] = useState('');
  const [probe, setProbe] = useState<Probe>({ state: 'idle' });
  const [certificateId, setCertificateId] = useState('');
  const [certificateError, setCertificateError] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const session = useRef<SigningSession | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  const failureText = (failure: LocalAppFailure, url: string) => {
    switch (failure.kind) {
      case 'unreachable':
        return t('documents.token.app.unreachable', { url });
      case 'timeout':
        return t('documents.token.app.timeout', { url });
      case 'cancelled':
        return t('documents.token.app.cancelled');
      case 'refused':
        return t('documents.token.app.refused', { message: failure.message || failure.code });
      case 'invalid':
        return t('documents.token.app.invalid', { url });
    }
  };

  const detect = useCallback(async (url: string, focusAfter: boolean) => {
    setProbe({ state: 'checking', url });
    let next: Probe;
    try {
      const info = await detectLocalApp(url);
      next = { state: 'found', url, info };
      const usable = info.certificates.filter((c) => !certificateExpired(c, new Date()));
      // One usable certificate is the usual token: chosen for the signer.
      setCertificateId(usable.length === 1 ? usable[0]!.id : '');
    } catch (e) {
      if (!(e instanceof LocalAppError)) throw e;
      next = { state: 'failed', url, failure: e.failure };
    }
    setProbe(next);
    if (focusAfter) requestAnimationFrame(() => statusRef.current?.focus());
  }, []);

  useEffect(() => {
    if (active && probe.state === 'idle') void detect(normaliseAppUrl(urlText) ?? urlText, false);
  }, [active, probe.state, detect, urlText]);

  const reconnect = (event: FormEvent) => {
    event.preventDefault();
    const url = normaliseAppUrl(urlText);
    if (!url) {
      setUrlError(t('documents.token.app.urlInvalid', { url: DEFAULT_LOCAL_APP_URL }));
      document.getElementById(`${id}-url`)?.focus();
      return;
    }
    setUrlError('');
    setError('');
    setUrlText(url);
    saveAppUrl(url);
    void detect(url, true);
  };

  const showError = (text: string) => {
    setError(text);
    requestAnimationFrame(() => errorRef.current?.focus());
  };

  const sign = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || probe.state !== 'found') return;
    setError('');
    if (!certificateId) {
      setCertificateError(t('documents.token.app.certificateRequired'));
      document.querySelector<HTMLInputElement>(`input[name="${id}-certificate"]`)?.focus();
      return;
    }
    setCertificateError('');
    setBusy(true);
    let stage: 'begin' | 'app' | 'complete' = 'begin';
    try {
      if (!fresh(session.current)) session.current = await beginTokenSigning(doc.id, doc.version);
      const s = session.current;
      stage = 'app';
      const cms = await signWithLocalApp(probe.url, {
        certificateId,
        hash: s.hash,
        document: { id: doc.id, title: doc.summary },
      });
      stage = 'complete';
      onSigned(await completeTokenSigning(doc.id, s.sessionId, cms));
    } catch (e) {
      if (e instanceof LocalAppError) showError(failureText(e.failure, probe.url));
      else if (stage === 'complete') {
        if (e instanceof ApiError && e.code === 'signing_session_not_found') session.current = null;
        showError(t('documents.token.app.serverRefused', { detail: documentsErrorText(e, t) }));
      } else showError(documentsErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const statusText =
    probe.state === 'checking'
      ? t('documents.token.app.checking', { url: probe.url })
      : probe.state === 'found'
        ? probe.info.certificates.length
          ? t('documents.token.app.found', {
              app: probe.info.app,
              version: probe.info.version,
            })
          : t('documents.token.app.noCertificates')
        : probe.state === 'failed'
          ? failureText(probe.failure, probe.url)
          : '';
  const now = new Date();

  return (
    <section className="doc-token__app" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('documents.token.app.title')}</h3>
      <form onSubmit={reconnect} noValidate>
        <div className={`field${urlError ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor={`${id}-url`}>
            {t('documents.token.app.url')}
          </label>
          <div className="field__hint" id={`${id}-url-hint`}>
            {t('documents.token.app.urlHint', { url: DEFAULT_LOCAL_APP_URL })}
          </div>
          {urlError ? (
            <p className="field__error" id={`${id}-url-error`} role="alert">
              {urlError}
            </p>
          ) : null}
          <div className="doc-token__url">
            <input
              id={`${id}-url`}
              className="input"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              value={urlText}
              aria-describedby={`${id}-url-hint${urlError ? ` ${id}-url-error` : ''}`}
              aria-invalid={urlError ? true : undefined}
              onChange={(e) => setUrlText(e.target.value)}
            />
            <button
              type="submit"
              className="button button--small button--secondary"
              disabled={probe.state === 'checking' || busy}
            >
              {t('documents.token.app.connect')}
            </button>
          </div>
        </div>
      </form>
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        data-testid="local-app-status"
        className={
          probe.state === 'failed' || (probe.state === 'found' && !probe.info.certificates.length)
            ? 'notice notice--warning'
            : 'muted'
        }
      >
        {statusText}
      </p>
      {error ? (
        <p ref={errorRef} tabIndex={-1} className="notice notice--warning" role="alert">
          {error}
        </p>
      ) : null}
      {probe.state === 'found' && probe.info.certificates.length ? (
        <form onSubmit={sign} noValidate aria-label={t('documents.token.app.sign')}>
          <fieldset
            className={`fieldset${certificateError ? ' field--error' : ''}`}
            aria-describedby={certificateError ? `${id}-certificate-error` : undefined}
          >
            <legend className="fieldset__legend">{t('documents.token.app.certificates')}</legend>
            {certificateError ? (
              <p className="field__error" id={`${id}-certificate-error`} role="alert">
                {certificateError}
              </p>
            ) : null}
            {probe.info.certificates.map((c, i) => {
              const expired = certificateExpired(c, now);
              return (
                <div key={c.id} className="checkbox">
                  <input
                    type="radio"
                    id={`${id}-certificate-${i}`}
                    name={`${id}-certificate`}
                    checked={certificateId === c.id}
                    disabled={expired}
                    onChange={() => setCertificateId(c.id)}
                  />
                  <label htmlFor={`${id}-certificate-${i}`}>
                    {t('documents.token.app.certificate', {
                      name: c.name,
                      issuer: commonName(c.issuer),
                      // The day in Vietnam time (dd/mm/yyyy), not the UTC one.
                      until: formatDateTime(c.notAfter).slice(0, 10),
                    })}
                    {expired ? ` ${t('documents.token.app.expired')}` : null}
                  </label>
                </div>
              );
            })}
          </fieldset>
          <button type="submit" className="button" disabled={busy} aria-busy={busy || undefined}>
            {t('documents.token.app.sign')}
          </button>
          {busy ? (
            <p className="muted" role="status">
              {t('documents.token.app.signing')}
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
