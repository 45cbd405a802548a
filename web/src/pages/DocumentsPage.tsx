import {
  DOCUMENT_STATUSES,
  INCOMING_STATUSES,
  OUTGOING_STATUSES,
} from '@cqs/shared/documents/index';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { formatDate, todayVn } from '../lib/format.ts';
import { useCursorList } from '../lib/use-cursor-list.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { usePersistedSearchParams } from '../lib/use-persisted-search-params.ts';
import {
  DOCUMENT_BOXES,
  type DocumentBox,
  DocumentTable,
  documentsErrorText,
  listDocuments,
  RegisterExportForm,
  readDate,
  roleUnits,
  statusText,
  useAllUnits,
} from '../modules/documents/index.ts';
import { useAuth } from '../modules/identity/index.ts';
import { ButtonLink } from '../ui/ButtonLink.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { LoadMore } from '../ui/LoadMore.tsx';
import { Tabs } from '../ui/Tabs.tsx';

const DRAFTERS = ['specialist', 'desk_officer', 'leader', 'secretariat'];
const STATUSES_OF: Record<DocumentBox, readonly string[]> = {
  todo: DOCUMENT_STATUSES,
  incoming: INCOMING_STATUSES,
  outgoing: OUTGOING_STATUSES,
};

/**
 * /van-ban — the documents: "cần xử lý" (what waits for me), incoming, outgoing; search (without
 * diacritics too), a date range and a status kept in the URL; registration and drafting one
 * click away; the register (sổ văn bản) as XLSX for the clerk and the leaders.
 */
export function DocumentsPage() {
  const t = useT();
  useDocumentTitle(t('documents.title'));
  const { user } = useAuth();
  const { nameOf } = useAllUnits();
  const today = todayVn();
  const [params, setParams] = usePersistedSearchParams('cqs.documents.filters');
  const rawBox = params.get('box') ?? '';
  const box: DocumentBox = (DOCUMENT_BOXES as readonly string[]).includes(rawBox)
    ? (rawBox as DocumentBox)
    : 'todo';
  const q = params.get('q') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const status = STATUSES_OF[box].includes(params.get('status') ?? '')
    ? (params.get('status') ?? '')
    : '';
  const [draft, setDraft] = useState({ q, from: formatDate(from), to: formatDate(to), status });
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  // The form follows the URL (back and forward, tab changes).
  useEffect(() => {
    setDraft({ q, from: formatDate(from), to: formatDate(to), status });
  }, [q, from, to, status]);
  const list = useCursorList(
    (cursor, signal) =>
      listDocuments(
        {
          box,
          q: q || undefined,
          from: from || undefined,
          to: to || undefined,
          status: status || undefined,
        },
        cursor,
        signal,
      ),
    [box, q, from, to, status],
  );
  const query = (next: {
    box: DocumentBox;
    q: string;
    from: string;
    to: string;
    status: string;
  }) => ({
    box: next.box === 'todo' ? '' : next.box,
    q: next.q,
    from: next.from,
    to: next.to,
    status: STATUSES_OF[next.box].includes(next.status) ? next.status : '',
  });
  const setBox = (next: DocumentBox) => setParams(query({ box: next, q, from, to, status }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const f = readDate(draft.from, 'ngày bắt đầu');
    const tt = readDate(draft.to, 'ngày kết thúc');
    const next: typeof errors = {};
    if (!f.ok) next.from = f.message;
    if (!tt.ok) next.to = tt.message;
    if (f.ok && tt.ok && f.iso && tt.iso && f.iso > tt.iso)
      next.to = t('documents.filter.rangeInvalid');
    setErrors(next);
    if (Object.keys(next).length > 0 || !f.ok || !tt.ok) return;
    setParams(
      query({ box, q: draft.q.trim(), from: f.iso ?? '', to: tt.iso ?? '', status: draft.status }),
    );
  };
  const clear = () => {
    setErrors({});
    setParams(query({ box, q: '', from: '', to: '', status: '' }));
  };

  const isClerk = roleUnits(user, ['secretariat']).length > 0;
  const mayDraft = roleUnits(user, DRAFTERS).length > 0;
  const exportUnits = roleUnits(user, ['secretariat', 'leader']);
  const filtered = !!(q || from || to || status);
  const tabLabel = t(`documents.tab.${box}`);

  return (
    <div className="page">
      <h1 className="page__title">{t('documents.title')}</h1>
      <div className="doc-toolbar">
        {isClerk ? (
          <ButtonLink to="/van-ban/vao-so">{t('documents.openRegister')}</ButtonLink>
        ) : null}
        {mayDraft ? (
          <ButtonLink to="/van-ban/soan-thao" className="button--secondary">
            {t('documents.openDraft')}
          </ButtonLink>
        ) : null}
        <Link to="/kiem-tra-chu-ky">{t('documents.verifyLink')}</Link>
      </div>
      {exportUnits.length > 0 ? <RegisterExportForm units={exportUnits} nameOf={nameOf} /> : null}
      <Tabs
        id="documents-tabs"
        label={t('documents.title')}
        tabs={DOCUMENT_BOXES.map((key) => ({ key, label: t(`documents.tab.${key}`) }))}
        selected={box}
        onSelect={setBox}
      >
        <search>
          <form
            className="filters doc-filters"
            onSubmit={onSubmit}
            noValidate
            aria-label={t('documents.filter.q')}
          >
            <TextField
              id="documents-q"
              className="filters__grow"
              type="search"
              label={t('documents.filter.q')}
              hint={t('documents.filter.qHint')}
              value={draft.q}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            />
            <TextField
              id="documents-from"
              label={t('documents.filter.from')}
              hint={t('hint.dateFormat')}
              value={draft.from}
              error={errors.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
            <TextField
              id="documents-to"
              label={t('documents.filter.to')}
              hint={t('hint.dateFormat')}
              value={draft.to}
              error={errors.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            />
            <SelectField
              id="documents-status"
              label={t('documents.filter.status')}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.target.value })}
              options={[
                { value: '', label: t('documents.filter.allStatuses') },
                ...STATUSES_OF[box].map((s) => ({ value: s, label: statusText(t, s) })),
              ]}
            />
            <button type="submit" className="button">
              {t('action.search')}
            </button>
            {filtered ? (
              <button type="button" className="button button--link" onClick={clear}>
                {t('documents.filter.clear')}
              </button>
            ) : null}
          </form>
        </search>
        {list.error ? (
          <p className="notice notice--error" role="alert">
            {documentsErrorText(list.error, t)}{' '}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={list.reload}
            >
              {t('action.retry')}
            </button>
          </p>
        ) : !list.loading && list.items.length === 0 ? (
          <p className="muted">
            {t(`documents.none.${box}`)}{' '}
            {filtered ? (
              <button type="button" className="button button--link" onClick={clear}>
                {t('documents.filter.clear')}
              </button>
            ) : null}
          </p>
        ) : list.items.length > 0 ? (
          <DocumentTable items={list.items} box={box} caption={tabLabel} today={today} />
        ) : null}
        <LoadMore
          count={list.items.length}
          hasMore={list.hasMore}
          loading={list.loading}
          onLoadMore={list.loadMore}
        />
      </Tabs>
    </div>
  );
}
