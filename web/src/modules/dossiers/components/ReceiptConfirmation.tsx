// After a receipt: the dossier code large enough to copy, the appointment, form 01 to print,
// the scans to upload, and the way to the next applicant.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { Procedure } from '../../procedures/index.ts';
import type { CreatedDossier } from '../api/dossier.types.ts';
import { formUrl } from '../api/dossiers.api.ts';
import { FileUploadForm } from './FileUploadForm.tsx';

interface ReceiptConfirmationProps {
  created: CreatedDossier;
  procedure: Procedure;
  dossierHref: (id: string) => string;
  onAnother: () => void;
}

/** The confirmation panel; takes focus so screen readers announce the code. */
export function ReceiptConfirmation({
  created,
  procedure,
  dossierHref,
  onAnother,
}: ReceiptConfirmationProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <div>
      <section className="panel" aria-labelledby="receipt-done-title">
        <h2 id="receipt-done-title" className="panel__title" ref={heading} tabIndex={-1}>
          {t('dossiers.receipt.doneTitle')}
        </h2>
        <p>{procedure.name}</p>
        <p className="muted">{t('dossiers.receipt.code')}</p>
        <strong className="dq-code" data-testid="dossier-code">
          {created.code}
        </strong>
        <p>
          {t('dossiers.receipt.due')}: <strong>{formatDateTime(created.dueAt)}</strong>
        </p>
        <p>{t('dossiers.receipt.next')}</p>
        <div className="button-group">
          <a
            className="button"
            href={formUrl(created.id, '01')}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('dossiers.receipt.print')}
          </a>
          <Link className="button button--secondary" to={dossierHref(created.id)}>
            {t('dossiers.receipt.open')}
          </Link>
          <button type="button" className="button button--secondary" onClick={onAnother}>
            {t('dossiers.receipt.another')}
          </button>
        </div>
      </section>
      <section className="section" aria-labelledby="receipt-upload-title">
        <h2 id="receipt-upload-title" className="section__title">
          {t('dossiers.upload.title')}
        </h2>
        <FileUploadForm dossierId={created.id} components={procedure.components} />
      </section>
    </div>
  );
}
