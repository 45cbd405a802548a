// Filters of the work queue; every change applies at once (no submit button to reach).
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useDebounced } from '../../../lib/use-debounced.ts';
import { CheckboxField, SelectField, TextField } from '../../../ui/Field.tsx';
import {
  CHANNELS,
  type Channel,
  DOSSIER_STATUSES,
  OUTCOMES,
  type Outcome,
} from '../api/dossier.types.ts';
import { useInstantValue } from '../hooks/use-instant-value.ts';

/** Id of the first filter, focused by the `/` shortcut. */
export const QUEUE_FIRST_FILTER = 'queue-q';

/** The queue's filter state, as kept in the URL. */
export interface QueueFilter {
  /** Code or applicant name (server-side search). */
  q: string;
  status: string;
  unit: string;
  overdue: boolean;
  mine: boolean;
  /** What needs doing: awaiting my approval, sent back for rework, or due soon ('' = any). */
  need: QueueNeed;
  channel: Channel | '';
}

/** The "needs" a queue can be narrowed to ("my work" links to each). */
export const QUEUE_NEEDS = ['approval', 'sentBack', 'dueSoon'] as const;
export type QueueNeed = (typeof QUEUE_NEEDS)[number] | '';

/** `need` from the URL: one of QUEUE_NEEDS, else ''. */
export const queueNeedOf = (value: string | null): QueueNeed =>
  (QUEUE_NEEDS as readonly string[]).includes(value ?? '') ? (value as QueueNeed) : '';

/** `outcome` from the URL: a known outcome, else ''. */
export const outcomeOf = (value: string | null): Outcome | '' =>
  (OUTCOMES as readonly string[]).includes(value ?? '') ? (value as Outcome) : '';

/** `channel` from the URL: a known channel, else ''. */
export const channelOf = (value: string | null): Channel | '' =>
  (CHANNELS as readonly string[]).includes(value ?? '') ? (value as Channel) : '';

interface QueueFiltersProps {
  filter: QueueFilter;
  onChange: (next: QueueFilter) => void;
  units: { value: string; label: string }[];
}

/** Search, status, unit, overdue only, mine only; the search applies after a short pause. */
export function QueueFilters({ filter, onChange, units }: QueueFiltersProps) {
  const t = useT();
  const [shown, setShown] = useInstantValue(filter);
  const set = (patch: Partial<QueueFilter>) => {
    setShown({ ...shown, ...patch });
    onChange({ ...filter, ...patch });
  };
  const [q, setQ] = useState(filter.q);
  const debouncedQ = useDebounced(q);
  // A search restored from the URL or the session replaces what is typed.
  useEffect(() => setQ(filter.q), [filter.q]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text searches.
  useEffect(() => {
    if (debouncedQ.trim() !== filter.q) set({ q: debouncedQ.trim() });
  }, [debouncedQ]);
  return (
    <search aria-label={t('dossiers.queue.filters')}>
      <div className="filters">
        <TextField
          id={QUEUE_FIRST_FILTER}
          type="search"
          className="filters__grow"
          label={t('dossiers.queue.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          id="queue-status"
          label={t('dossiers.queue.status')}
          value={shown.status}
          options={[
            { value: '', label: t('form.all') },
            ...DOSSIER_STATUSES.map((s) => ({ value: s, label: t(`dossiers.status.${s}`) })),
          ]}
          onChange={(e) => set({ status: e.target.value })}
        />
        <SelectField
          id="queue-need"
          label={t('dossiers.queue.need')}
          value={shown.need}
          options={[
            { value: '', label: t('form.all') },
            ...QUEUE_NEEDS.map((n) => ({ value: n, label: t(`dossiers.queue.need.${n}`) })),
          ]}
          onChange={(e) => set({ need: queueNeedOf(e.target.value) })}
        />
        <SelectField
          id="queue-channel"
          label={t('dossiers.queue.channel')}
          value={shown.channel}
          options={[
            { value: '', label: t('form.all') },
            ...CHANNELS.map((c) => ({ value: c, label: t(`dossiers.channel.${c}`) })),
          ]}
          onChange={(e) => set({ channel: channelOf(e.target.value) })}
        />
        {units.length > 1 ? (
          <SelectField
            id="queue-unit"
            label={t('dossiers.queue.unit')}
            value={shown.unit}
            options={[{ value: '', label: t('form.all') }, ...units]}
            onChange={(e) => set({ unit: e.target.value })}
          />
        ) : null}
        <CheckboxField
          id="queue-overdue"
          label={t('dossiers.queue.overdueOnly')}
          checked={shown.overdue}
          onChange={(e) => set({ overdue: e.target.checked })}
        />
        <CheckboxField
          id="queue-mine"
          label={t('dossiers.queue.mineOnly')}
          checked={shown.mine}
          onChange={(e) => set({ mine: e.target.checked })}
        />
      </div>
    </search>
  );
}
