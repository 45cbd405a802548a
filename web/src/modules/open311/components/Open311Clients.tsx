// The "Khóa Open311" screen's content: where the endpoint is, the clients, a new key, revoking.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { isForbidden, NoPermission } from '../../../ui/NoPermission.tsx';
import { LoadError, Loading, Notice } from '../../../ui/Notice.tsx';
import {
  type CreatedOpen311Client,
  listOpen311Clients,
  type Open311Client,
} from '../api/open311.api.ts';
import { open311Urls, sortClients } from '../lib/open311-clients.ts';
import { NewKeyNotice } from './NewKeyNotice.tsx';
import { Open311ClientForm } from './Open311ClientForm.tsx';
import { Open311ClientsTable } from './Open311ClientsTable.tsx';
import { RevokeDialog } from './RevokeDialog.tsx';

export function Open311Clients() {
  const t = useT();
  const list = useAsync((signal) => listOpen311Clients(signal), []);
  const [created, setCreated] = useState<CreatedOpen311Client | null>(null);
  const [revoking, setRevoking] = useState<Open311Client | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const urls = open311Urls(window.location.origin);

  if (isForbidden(list.error)) return <NoPermission error={list.error} />;
  return (
    <>
      <p className="lead">{t('open311.intro')}</p>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('open311.endpoint')}</dt>
          <dd>
            <code>{urls.endpoint}</code>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('open311.discovery')}</dt>
          <dd>
            <a href={urls.discovery}>{urls.discovery}</a>
          </dd>
        </div>
      </dl>
      {created ? <NewKeyNotice created={created} onDone={() => setCreated(null)} /> : null}
      {flash ? <Notice>{flash}</Notice> : null}
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <Open311ClientsTable clients={sortClients(list.data)} onRevoke={setRevoking} />
      ) : null}
      <section className="section" aria-labelledby="open311-create-title">
        <h2 id="open311-create-title" className="section__title">
          {t('open311.create')}
        </h2>
        <Open311ClientForm
          onCreated={(c) => {
            setFlash(null);
            setCreated(c);
            list.reload();
          }}
        />
      </section>
      <RevokeDialog
        client={revoking}
        onCancel={() => setRevoking(null)}
        onRevoked={(c) => {
          setRevoking(null);
          setFlash(t('open311.revokedNotice', { name: c.name }));
          if (list.data) list.setData(list.data.map((x) => (x.id === c.id ? c : x)));
        }}
      />
    </>
  );
}
