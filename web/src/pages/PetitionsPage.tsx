import { useState } from 'react';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { FeedbackStats, PetitionQueue } from '../modules/feedback/staff.ts';
import { Tabs } from '../ui/Tabs.tsx';

type Tab = 'queue' | 'stats';

/** /ho-so/kien-nghi — staff: petitions about dossiers (soonest deadline first) and the satisfaction indicators. */
export function PetitionsPage() {
  const t = useT();
  useDocumentTitle(t('feedback.page.title'));
  const [tab, setTab] = useState<Tab>('queue');
  return (
    <div className="page">
      <h1 className="page__title">{t('feedback.page.title')}</h1>
      <Tabs
        id="petitions"
        label={t('feedback.page.tabs')}
        tabs={[
          { key: 'queue', label: t('feedback.tab.queue') },
          { key: 'stats', label: t('feedback.tab.stats') },
        ]}
        selected={tab}
        onSelect={setTab}
      >
        {tab === 'queue' ? (
          <PetitionQueue href={(id) => `${PATHS.dossiers}/kien-nghi/${encodeURIComponent(id)}`} />
        ) : (
          <FeedbackStats />
        )}
      </Tabs>
    </div>
  );
}
