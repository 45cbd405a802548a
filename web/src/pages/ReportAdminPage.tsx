import { useState } from 'react';
import { REPORT_ADMIN_TABS } from '../app/nav-items.ts';
import { RequireCapability } from '../app/RequireCapability.tsx';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { adminRoots, can, useAuth } from '../modules/identity/index.ts';
import {
  CategoriesAdmin,
  ReplyTemplatesAdmin,
  RoutingRulesAdmin,
} from '../modules/reports/index.ts';
import { Tabs } from '../ui/Tabs.tsx';

type Tab = (typeof REPORT_ADMIN_TABS)[number]['key'];

/**
 * /quan-tri/phan-anh — field report settings: categories, routing overrides, reply templates.
 * Each tab shows only to holders of its capability: a unit administrator sees the routing of
 * their area; categories and templates are the system administrator's.
 */
export function ReportAdminPage() {
  const t = useT();
  const { user } = useAuth();
  useDocumentTitle(t('reportsAdmin.title'));
  const tabs = REPORT_ADMIN_TABS.filter((tab) => can(user, tab.capability));
  const [chosen, setTab] = useState<Tab | null>(null);
  const tab = tabs.find((x) => x.key === chosen)?.key ?? tabs[0]?.key;
  return (
    <div className="page">
      <h1 className="page__title">{t('reportsAdmin.title')}</h1>
      <RequireCapability capabilities={REPORT_ADMIN_TABS.map((x) => x.capability)}>
        <Tabs
          id="report-admin"
          label={t('reportsAdmin.title')}
          tabs={tabs.map((x) => ({ key: x.key, label: t(x.label) }))}
          selected={tab ?? 'routing'}
          onSelect={setTab}
        >
          {tab === 'categories' ? <CategoriesAdmin /> : null}
          {tab === 'routing' ? (
            <RoutingRulesAdmin
              allCategories={can(user, 'reports.categories')}
              areaRoots={adminRoots(user)}
            />
          ) : null}
          {tab === 'templates' ? <ReplyTemplatesAdmin /> : null}
        </Tabs>
      </RequireCapability>
    </div>
  );
}
