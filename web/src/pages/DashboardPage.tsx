import { useSearchParams } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { isStaff } from '../modules/dossiers/index.ts';
import { useAuth } from '../modules/identity/index.ts';
import { Dashboard, useScopeUnits } from '../modules/ioc/index.ts';

/**
 * /dieu-hanh — the leaders' dashboard (Trung tâm điều hành) for the user's unit subtree;
 * `?unit=` is the unit watched (drill-down), `?wall=1` the operations-room wall mode.
 */
export function DashboardPage() {
  const t = useT();
  const { user } = useAuth();
  const scope = useScopeUnits();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('ioc.title'));
  if (!isStaff(user)) {
    return (
      <div className="notice notice--info" role="status">
        {t('error.forbidden')}
      </div>
    );
  }
  const unit = params.get('unit') || scope.roots[0] || '';
  const wall = params.get('wall') === '1';
  const onUnit = (code: string) => {
    const next = new URLSearchParams(params);
    next.set('unit', code);
    setParams(next);
  };
  const toggle = new URLSearchParams(params);
  if (wall) toggle.delete('wall');
  else toggle.set('wall', '1');
  if (!unit) {
    return (
      <div className="notice notice--info" role="status">
        {t('error.forbidden')}
      </div>
    );
  }
  return (
    <Dashboard
      key={unit}
      scope={scope}
      unit={unit}
      onUnit={onUnit}
      wall={wall}
      wallToggleHref={`?${toggle.toString()}`}
    />
  );
}
