import { useT } from '../../../i18n/i18n-context.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import type { User } from '../api/identity.types.ts';
import { AccountForm } from './AccountForm.tsx';

/** Edit roles, disable, or reset the password of `user` (closed when null). */
export function AccountEditDialog({
  user,
  unitOptions,
  onSaved,
  onCancel,
}: {
  user: User | null;
  unitOptions: { value: string; label: string }[];
  onSaved: (user: User) => void;
  onCancel: () => void;
}) {
  const t = useT();
  return (
    <Dialog
      id="account-edit"
      open={user !== null}
      onClose={onCancel}
      title={t('accounts.editTitle', { name: user?.username ?? '' })}
    >
      {user ? (
        <AccountForm
          key={user.id}
          user={user}
          unitOptions={unitOptions}
          onSaved={onSaved}
          onCancel={onCancel}
        />
      ) : null}
    </Dialog>
  );
}
