// The dossier's stored files (download links) and its printable forms.
import { Link } from 'react-router-dom';
import { PATHS } from '../../../app/nav-items.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { Dossier } from '../api/dossier.types.ts';
import { fileUrl, formUrl } from '../api/dossiers.api.ts';
import { relevantForms } from '../lib/misc.ts';

const kb = (size: number | undefined) =>
  size === undefined ? '' : `${Math.max(1, Math.round(size / 1024)).toLocaleString('vi-VN')} KB`;

/** Download links of attachments and results. */
export function DossierFiles({
  dossier,
  componentName,
}: {
  dossier: Dossier;
  componentName: (key: string) => string;
}) {
  const t = useT();
  if (!dossier.files?.length) return <p className="muted">{t('dossiers.detail.noFiles')}</p>;
  return (
    <ul className="dq-links">
      {dossier.files.map((file) => {
        const component = file.componentKey ?? file.component;
        const facts = [
          file.kind ? t(`dossiers.detail.fileKind.${file.kind}`) : '',
          component ? componentName(component) : '',
          kb(file.size),
          file.createdAt ? formatDateTime(file.createdAt) : '',
        ].filter(Boolean);
        // A result signed at the leader's approval: say so, and where anyone can check it.
        const signature = file.signature;
        return (
          <li key={file.id}>
            <a href={fileUrl(dossier.id, file.id)} download={file.filename}>
              {file.filename}
            </a>{' '}
            <span className="muted">({facts.join(' · ')})</span>
            {signature ? (
              <>
                {' '}
                <span
                  className="dq-badge dq-badge--good"
                  title={t('dossiers.detail.signedBy', {
                    signers: signature.signers.join(', '),
                    time: formatDateTime(signature.signedAt),
                  })}
                >
                  {t('dossiers.detail.signed')}
                </span>{' '}
                <Link to={PATHS.signatureVerify}>{t('dossiers.detail.verifySignature')}</Link>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Links to the forms 01–06 that apply to this dossier (PDF, new tab), each with its copy
 * sealed by the unit's digital signature — the electronic copy to send a citizen.
 */
export function DossierFormLinks({ dossier }: { dossier: Dossier }) {
  const t = useT();
  return (
    <ul className="dq-links">
      {relevantForms(dossier).map((no) => (
        <li key={no}>
          <a href={formUrl(dossier.id, no)} target="_blank" rel="noopener noreferrer">
            {t(`dossiers.form.${no}`)}
            <span className="visually-hidden"> {t('dossiers.opensInNewTab')}</span>
          </a>{' '}
          ·{' '}
          <a
            href={formUrl(dossier.id, no, { signed: true })}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('dossiers.form.signed')}
            <span className="visually-hidden">
              {' '}
              {t(`dossiers.form.${no}`)} {t('dossiers.opensInNewTab')}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
