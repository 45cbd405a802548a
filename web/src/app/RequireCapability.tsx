import type { ReactNode } from 'react';
import { CAPABILITY_SCOPES, type Capability, can } from '../modules/identity/api/identity.types.ts';
import { useAuth } from '../modules/identity/hooks/auth-context.tsx';
import { NoPermission } from '../ui/NoPermission.tsx';

/**
 * Renders `children` only for holders of one of `capabilities` (shared/src/identity/
 * capabilities.ts, the same table the server's checks are tested against); others see why not.
 */
export function RequireCapability({
  capabilities,
  children,
}: {
  capabilities: readonly Capability[];
  children: ReactNode;
}) {
  const { user } = useAuth();
  if (capabilities.some((c) => can(user, c))) return <>{children}</>;
  const scope = capabilities.every((c) => CAPABILITY_SCOPES[c] === 'system') ? 'system' : 'unit';
  return <NoPermission scope={scope} />;
}
