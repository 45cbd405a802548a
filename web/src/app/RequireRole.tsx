import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context.tsx';
import { hasRole, type Role } from '../modules/identity/api/identity.types.ts';
import { useAuth } from '../modules/identity/hooks/auth-context.tsx';

/** Renders `children` only for holders of `roleName`; others see why not. */
export function RequireRole({ roleName, children }: { roleName: Role; children: ReactNode }) {
  const t = useT();
  const { user } = useAuth();
  if (!hasRole(user, roleName)) {
    return (
      <div className="notice notice--info" role="status">
        {t('error.forbidden')}
      </div>
    );
  }
  return <>{children}</>;
}
