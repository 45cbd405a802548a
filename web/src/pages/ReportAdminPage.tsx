import { useState } from 'react';
import { RequireRole } from '../app/RequireRole.tsx';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  CategoriesAdmin,
  ReplyTemplatesAdmin,
  RoutingRulesAdmin,
} from '../modules/reports/index.ts';
import { Tabs } from '../ui/Tabs.tsx';

type Tab = 'categories' | 'routing' | 'templates';

/** /quan-tri/phan-anh — field report settings: categories, routing overrides, reply templates. */
export function ReportAdminPage() {
  const t = useT();
  useDocumentTitle(t('reportsAdmin.title'));
  const [tab, setTab] = useState<Tab>('categories');
  return (
    <div className="page">
      <h1 className="page__title">{t('reportsAdmin.title')}</h1>
      <RequireRole roleName="admin">
        <Tabs
          id="report-admin"
          label={t('reportsAdmin.title')}
          tabs={[
            { key: 'categories', label: t('reportsAdmin.tab.categories') },
            { key: 'routing', label: t('reportsAdmin.tab.routing') },
            { key: 'templates', label: t('reportsAdmin.tab.templates') },
          ]}
          selected={tab}
          onSelect={setTab}
        >
          {tab === 'categories' ? <CategoriesAdmin /> : null}
          {tab === 'routing' ? <RoutingRulesAdmin /> : null}
          {tab === 'templates' ? <ReplyTemplatesAdmin /> : null}
        </Tabs>
      </RequireRole>
    </div>
  );
}
