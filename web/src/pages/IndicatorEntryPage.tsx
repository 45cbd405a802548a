import { useSearchParams } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { todayVn } from '../lib/format.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { hasRole, useAuth } from '../modules/identity/index.ts';
import { ENTERING_ROLES, EnterValueForm } from '../modules/ioc/index.ts';

/**
 * /chi-tieu/nhap-so-lieu — entering the values of indicators the system cannot compute
 * (`?indicator=&unit=&period=` pre-fill it, e.g. from the 766 panel's missing ones).
 */
export function IndicatorEntryPage() {
  const t = useT();
  const { user } = useAuth();
  const [params] = useSearchParams();
  useDocumentTitle(t('ioc.entry.title'));
  if (!ENTERING_ROLES.some((role) => hasRole(user, role))) {
    return (
      <div className="notice notice--info" role="status">
        {t('ioc.entry.forbidden')}
      </div>
    );
  }
  return (
    <div className="page">
      <h1 className="page__title">{t('ioc.entry.title')}</h1>
      <p className="muted">{t('ioc.entry.intro')}</p>
      <EnterValueForm
        start={{
          indicator: params.get('indicator') ?? '',
          unit: params.get('unit') ?? '',
          period: params.get('period') ?? '',
        }}
        thisYear={Number(todayVn().slice(0, 4))}
      />
    </div>
  );
}
