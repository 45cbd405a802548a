// Papers of the dossier (thành phần hồ sơ) for an online submission: for each component that
// takes files, upload one now or reuse a document already in the personal data store
// (giấy tờ đã số hoá, kết quả điện tử) — "provide information once". Without the citizen's
// "save for reuse" consent (data_store) an upload serves this draft only and the store is
// not offered; a note says so and links to where consents are set.
import { type ChangeEvent, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { fieldId } from '../../../lib/problem-paths.ts';
import { errorText } from '../../../ui/error-text.ts';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import { CITIZEN_PATHS } from '../../citizens/citizens.paths.ts';
import type { Procedure } from '../../procedures/index.ts';
import { uploadDocument } from '../api/portal.api.ts';
import type { AttachmentRef, CitizenDocument } from '../api/portal.types.ts';

interface AttachmentsSectionProps {
  prefix: string;
  /** The draft the papers are for: without consent, an upload belongs to it only. */
  draftId: string;
  /** The citizen's "save for reuse" consent (data_store). */
  storeConsent: boolean;
  procedure: Procedure;
  attachments: AttachmentRef[];
  documents: CitizenDocument[];
  errors: FieldErrors;
  onChange: (attachments: AttachmentRef[]) => void;
  /** A document uploaded here joins the data store list. */
  onUploaded: (doc: CitizenDocument) => void;
}

const ACCEPT_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
};

export function AttachmentsSection(props: AttachmentsSectionProps) {
  const t = useT();
  const components = props.procedure.components.filter((c) => c.attachment.maxFiles > 0);
  if (components.length === 0) return null;
  return (
    <section className="section" aria-labelledby={`${props.prefix}-attachments-title`}>
      <h2 id={`${props.prefix}-attachments-title`} className="section__title">
        {t('portal.submit.attachmentsTitle')}
      </h2>
      {props.storeConsent ? (
        <p className="muted">{t('portal.submit.attachmentsIntro')}</p>
      ) : (
        <p className="notice notice--info" data-testid="no-store-consent">
          {t('portal.submit.noStoreConsent')}{' '}
          <Link to={CITIZEN_PATHS.account}>{t('portal.submit.noStoreConsentLink')}</Link>
        </p>
      )}
      {components.map((c) => (
        <ComponentAttachments key={c.key} {...props} component={c} />
      ))}
    </section>
  );
}

function ComponentAttachments({
  prefix,
  draftId,
  storeConsent,
  component,
  attachments,
  documents,
  errors,
  onChange,
  onUploaded,
}: AttachmentsSectionProps & { component: Procedure['components'][number] }) {
  const t = useT();
  const uid = useId();
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const mine = attachments.filter((a) => a.componentKey === component.key);
  const full = mine.length >= component.attachment.maxFiles;
  const path = `attachments.${component.key}`;
  const error = errors[path] ?? uploadError ?? undefined;
  const accept = component.attachment.accept;
  const acceptText = accept.map((m) => ACCEPT_LABELS[m] ?? m).join(', ');
  // The store is offered only with the consent; this draft's own papers always.
  const usable = documents.filter(
    (d) =>
      (d.draftId === draftId || (d.draftId === null && storeConsent)) &&
      !mine.some((a) => a.documentId === d.id) &&
      accept.some((a) => a === d.mime || (a.endsWith('/*') && d.mime.startsWith(a.slice(0, -1)))),
  );
  const attach = (documentId: string) =>
    onChange([...attachments, { componentKey: component.key, documentId }]);
  const detach = (documentId: string) =>
    onChange(
      attachments.filter((a) => !(a.componentKey === component.key && a.documentId === documentId)),
    );

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setUploadError(null);
    if (file.size > component.attachment.maxSizeMb * 1024 * 1024) {
      setUploadError(t('portal.submit.fileTooLarge', { max: component.attachment.maxSizeMb }));
      return;
    }
    setBusy(true);
    try {
      const doc = await uploadDocument(file, draftId);
      onUploaded(doc);
      attach(doc.id);
    } catch (err) {
      setUploadError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset
      className={`fieldset${error ? ' field--error' : ''}`}
      id={fieldId(prefix, path)}
      tabIndex={-1}
    >
      <legend className="fieldset__legend">
        {component.name}{' '}
        <span className="muted">
          (
          {component.attachment.required && component.required
            ? t('dossiers.receipt.componentRequired')
            : t('dossiers.receipt.componentOptional')}
          )
        </span>
      </legend>
      <p className="field__hint" id={`${uid}-hint`}>
        {t('portal.submit.attachmentRules', {
          types: acceptText,
          max: component.attachment.maxSizeMb,
          count: component.attachment.maxFiles,
        })}
      </p>
      {error ? (
        <p className="field__error" id={`${uid}-error`}>
          {error}
        </p>
      ) : null}
      {mine.length > 0 ? (
        <ul className="portal-files">
          {mine.map((a) => {
            const doc = documents.find((d) => d.id === a.documentId);
            const title = doc?.title ?? t('portal.submit.unknownDocument');
            return (
              <li key={a.documentId}>
                <span>{title}</span>{' '}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => detach(a.documentId)}
                  aria-label={t('portal.submit.detach', { title })}
                >
                  {t('action.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {!full ? (
        <div className="grid grid--2">
          <div className="field">
            <label className="field__label" htmlFor={`${uid}-file`}>
              {t('portal.submit.upload', { name: component.name })}
            </label>
            <input
              id={`${uid}-file`}
              type="file"
              accept={accept.join(',')}
              onChange={onFile}
              disabled={busy}
              aria-describedby={`${uid}-hint`}
            />
            {busy ? <p role="status">{t('portal.submit.uploading')}</p> : null}
          </div>
          {usable.length > 0 ? (
            <div className="field">
              <label className="field__label" htmlFor={`${uid}-store`}>
                {storeConsent ? t('portal.submit.fromStore') : t('portal.submit.fromDraft')}
              </label>
              <select
                id={`${uid}-store`}
                className="input select"
                value=""
                onChange={(e) => e.target.value && attach(e.target.value)}
              >
                <option value="">{t('form.choose')}</option>
                {usable.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.kind === 'result' ? `${t('portal.store.result')}: ${d.title}` : d.title}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
