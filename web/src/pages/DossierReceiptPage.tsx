import { useEffect, useState } from 'react';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  type CreatedDossier,
  ReceiptConfirmation,
  ReceiptForm,
  type ReceiptPlace,
  useRoleUnits,
} from '../modules/dossiers/index.ts';
import type { Procedure } from '../modules/procedures/index.ts';
import { Notice } from '../ui/Notice.tsx';

const DESK = ['desk_officer'] as const;

/** /ho-so/tiep-nhan — the one-stop desk receives a dossier. */
export function DossierReceiptPage() {
  const t = useT();
  useDocumentTitle(t('dossiers.receipt.title'));
  const units = useRoleUnits(DESK);
  const [done, setDone] = useState<{ created: CreatedDossier; procedure: Procedure } | null>(null);
  const [place, setPlace] = useState<ReceiptPlace | null>(null);
  const [round, setRound] = useState(0);
  const initial: ReceiptPlace = place ?? {
    unitCode: units.length === 1 ? (units[0]?.value ?? '') : '',
    channel: 'direct',
  };

  // A new receipt starts at the procedure search, the first thing the officer types.
  useEffect(() => {
    if (round > 0) document.getElementById('receipt-procedureId')?.focus();
  }, [round]);

  return (
    <div className="page">
      <h1 className="page__title">{t('dossiers.receipt.title')}</h1>
      {units.length === 0 ? <Notice kind="info">{t('dossiers.receipt.noUnits')}</Notice> : null}
      {done ? (
        <ReceiptConfirmation
          created={done.created}
          procedure={done.procedure}
          dossierHref={PATHS.dossier}
          onAnother={() => {
            setDone(null);
            setRound((r) => r + 1);
          }}
        />
      ) : (
        <ReceiptForm
          key={round}
          units={units}
          initial={initial}
          onReceived={(created, procedure, where) => {
            setPlace(where);
            setDone({ created, procedure });
            window.scrollTo(0, 0);
          }}
        />
      )}
    </div>
  );
}
