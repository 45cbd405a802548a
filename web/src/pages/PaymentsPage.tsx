import { useState } from 'react';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useAuth } from '../modules/identity/index.ts';
import { PayeeAccountForm, UnmatchedPayments } from '../modules/payments/staff.ts';
import { TextField } from '../ui/Field.tsx';

/** /ho-so/thu-phi — staff: payments to reconcile; for administrators, the unit's payee account. */
export function PaymentsPage() {
  const t = useT();
  useDocumentTitle(t('payments.page.title'));
  const { user } = useAuth();
  const adminUnits = (user?.roles ?? []).filter((r) => r.role === 'admin');
  const [unitCode, setUnitCode] = useState(adminUnits[0]?.unitCode ?? '');
  const [shown, setShown] = useState(unitCode);
  return (
    <div className="page">
      <h1 className="page__title">{t('payments.page.title')}</h1>
      <section className="section" aria-labelledby="pay-unmatched-title">
        <h2 id="pay-unmatched-title" className="section__title">
          {t('payments.unmatched.title')}
        </h2>
        <p className="muted">{t('payments.unmatched.intro')}</p>
        <UnmatchedPayments />
      </section>
      {adminUnits.length > 0 ? (
        <section className="section" aria-labelledby="pay-account-title">
          <h2 id="pay-account-title" className="section__title">
            {t('payments.account.title')}
          </h2>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              setShown(unitCode.trim());
            }}
          >
            <TextField
              id="pay-account-unit"
              label={t('payments.account.unit')}
              hint={t('payments.account.unitHint')}
              value={unitCode}
              onChange={(e) => setUnitCode(e.target.value)}
            />
            <button type="submit" className="button button--secondary">
              {t('payments.account.show')}
            </button>
          </form>
          {shown ? <PayeeAccountForm key={shown} unitCode={shown} /> : null}
        </section>
      ) : null}
    </div>
  );
}
