// Confirmation before revoking a key: it cannot be undone.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { type Open311Client, revokeOpen311Client } from '../api/open311.api.ts';

export function RevokeDialog({
  client,
  onCancel,
  onRevoked,
}: {
  client: Open311Client | null;
  onCancel: () => void;
  onRevoked: (client: Open311Client) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setFailure(null);
    onCancel();
  };
  const revoke = async () => {
    if (!client || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      onRevoked(await revokeOpen311Client(client.id));
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      id="open311-revoke"
      open={client !== null}
      title={client ? t('open311.revokeTitle', { name: client.name }) : ''}
      onClose={close}
    >
      <p>{t('open311.revokeWarning')}</p>
      {failure ? (
        <div className="notice notice--error" role="alert">
          {failure}
        </div>
      ) : null}
      <div className="button-group">
        <button type="button" className="button button--warning" disabled={busy} onClick={revoke}>
          {t('open311.revokeConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={close}>
          {t('action.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
