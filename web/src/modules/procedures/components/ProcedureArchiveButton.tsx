// Archive a procedure (DELETE keeps it, marked archived) after a confirmation.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { errorText } from '../../../ui/error-text.ts';
import type { Procedure } from '../api/procedure.types.ts';
import { archiveProcedure } from '../api/procedures.api.ts';

/** The "stop applying" button and its confirmation dialog. */
export function ProcedureArchiveButton({
  procedure,
  onArchived,
}: {
  procedure: Procedure;
  onArchived: () => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  if (procedure.status === 'archived') return null;

  const confirm = async () => {
    setBusy(true);
    try {
      await archiveProcedure(procedure.id);
      setOpen(false);
      onArchived();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button--warning"
        onClick={() => {
          setError(undefined);
          setOpen(true);
        }}
      >
        {t('procedure.archive')}
      </button>
      <Dialog
        id="procedure-archive"
        open={open}
        onClose={() => setOpen(false)}
        title={t('procedure.archiveTitle')}
      >
        <p>{t('procedure.archiveConfirm', { code: procedure.code, name: procedure.name })}</p>
        {error ? (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="button-group">
          <button
            type="button"
            className="button button--warning"
            disabled={busy}
            onClick={confirm}
          >
            {t('procedure.archiveSubmit')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
            {t('action.cancel')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
