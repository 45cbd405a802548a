// The "new password set" notice on /tai-khoan-cua-toi after a reset: the reset page navigates
// there with `{ passwordReset: true }` in the history state.
import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { Notice } from '../../../ui/Notice.tsx';

/** History state the reset page lands with. */
export const PASSWORD_RESET_STATE = { passwordReset: true } as const;

/** Shows the notice when the page was reached right after a password reset. */
export function PasswordResetNotice() {
  const t = useT();
  const { state } = useLocation();
  const shown =
    !!state && typeof state === 'object' && 'passwordReset' in state && !!state.passwordReset;
  // The reset form's button sat low on a phone's screen; the notice is at the top.
  useEffect(() => {
    if (shown) window.scrollTo(0, 0);
  }, [shown]);
  if (!shown) return null;
  return (
    <div className="page page--narrow">
      <Notice>{t('citizens.reset.done')}</Notice>
    </div>
  );
}
