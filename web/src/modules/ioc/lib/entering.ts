// Who may enter indicator values: the server's ENTERING_ROLES (indicators.service.ts).
import type { Role } from '../../identity/index.ts';

export const ENTERING_ROLES: readonly Role[] = ['admin', 'leader', 'secretariat'];
