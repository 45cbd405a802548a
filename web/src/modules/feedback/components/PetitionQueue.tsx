// The queue tab: the counts of overdue / due-soon petitions (the sweep's marks), status,
// overdue and due-soon filters, the table, "load more".
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useCursorList } from '../../../lib/use-cursor-list.ts';
import { CheckboxField, SelectField } from '../../../ui/Field.tsx';
import { LoadMore } from '../../../ui/LoadMore.tsx';
import { LoadError } from '../../../ui/Notice.tsx';
import { listPetitions, type PetitionCounts, type PetitionStatus } from '../api/feedback.api.ts';
import { PetitionTable } from './PetitionTable.tsx';

const STATUSES: PetitionStatus[] = ['received', 'accepted', 'answered', 'rejected'];

export function PetitionQueue({ href }: { href: (id: string) => string }) {
  const t = useT();
  const [status, setStatus] = useState<PetitionStatus | ''>('');
  const [overdue, setOverdue] = useState(false);
  const [dueSoon, setDueSoon] = useState(false);
  const [counts, setCounts] = useState<PetitionCounts | null>(null);
  const list = useCursorList(
    async (cursor, signal) => {
      const page = await listPetitions({ status, overdue, dueSoon, cursor }, signal);
      setCounts(page.counts);
      return page;
    },
    [status, overdue, dueSoon],
  );
  return (
    <>
      {counts ? (
        <p className="fb-counts">
          {t('feedback.queue.counts', { overdue: counts.overdue, dueSoon: counts.dueSoon })}
        </p>
      ) : null}
      <div className="fb-filters">
        <SelectField
          id="petition-status"
          label={t('feedback.queue.filterStatus')}
          value={status}
          onChange={(e) => setStatus(e.target.value as PetitionStatus | '')}
          options={[
            { value: '', label: t('feedback.queue.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: t(`feedback.status.${s}`) })),
          ]}
        />
        <CheckboxField
          id="petition-overdue"
          label={t('feedback.queue.overdueOnly')}
          checked={overdue}
          onChange={(e) => setOverdue(e.target.checked)}
        />
        <CheckboxField
          id="petition-due-soon"
          label={t('feedback.queue.dueSoonOnly')}
          checked={dueSoon}
          onChange={(e) => setDueSoon(e.target.checked)}
        />
      </div>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {!list.loading || list.items.length ? <PetitionTable items={list.items} href={href} /> : null}
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loading}
        onLoadMore={list.loadMore}
      />
    </>
  );
}
