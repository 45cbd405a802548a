import { useState } from 'react';
import { RequireCapability } from '../app/RequireCapability.tsx';
import { useT } from '../i18n/i18n-context.tsx';
import { useDebounced } from '../lib/use-debounced.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  AccountEditDialog,
  AccountForm,
  AccountsTable,
  type User,
  useUsers,
} from '../modules/identity/index.ts';
import { useUnitOptions } from '../modules/org/index.ts';
import { TextField } from '../ui/Field.tsx';
import { LoadMore } from '../ui/LoadMore.tsx';
import { isForbidden, NoPermission } from '../ui/NoPermission.tsx';
import { LoadError, Notice } from '../ui/Notice.tsx';

function AccountsContent() {
  const t = useT();
  const [q, setQ] = useState('');
  const users = useUsers(useDebounced(q.trim()));
  const { options } = useUnitOptions();
  const [editing, setEditing] = useState<User | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  // The API refused (the table and the server disagree, or the role changed): no form.
  if (isForbidden(users.error)) return <NoPermission error={users.error} />;
  return (
    <>
      {flash ? <Notice>{flash}</Notice> : null}
      <search>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <TextField
            id="accounts-q"
            type="search"
            label={t('accounts.search')}
            hint={t('accounts.searchHint')}
            className="filters__grow"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </form>
      </search>
      {users.error ? <LoadError error={users.error} onRetry={users.reload} /> : null}
      <AccountsTable users={users.items} onEdit={setEditing} />
      <LoadMore
        count={users.items.length}
        hasMore={users.hasMore}
        loading={users.loading}
        onLoadMore={users.loadMore}
      />
      <details className="details">
        <summary className="details__summary">{t('accounts.create')}</summary>
        <div className="details__body">
          <AccountForm
            key={formKey}
            unitOptions={options}
            onSaved={(created) => {
              setFlash(t('accounts.created', { username: created.username }));
              setFormKey((k) => k + 1);
              users.reload();
            }}
          />
        </div>
      </details>
      <AccountEditDialog
        user={editing}
        unitOptions={options}
        onCancel={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          setFlash(t('accounts.saved', { username: saved.username }));
          users.replace((u) => u.id === saved.id, saved);
        }}
      />
    </>
  );
}

/** /quan-tri/tai-khoan — accounts (admin only). */
export function AccountsPage() {
  const t = useT();
  useDocumentTitle(t('accounts.title'));
  return (
    <div className="page">
      <h1 className="page__title">{t('accounts.title')}</h1>
      <RequireCapability capabilities={['accounts.manage']}>
        <AccountsContent />
      </RequireCapability>
    </div>
  );
}
