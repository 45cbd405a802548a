// The payee account of a unit (tài khoản nhận phí, lệ phí), for its administrators: shows
// the account its fees go to now (its own or inherited) and sets its own.
import { type FormEvent, useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import { LoadError, Loading, Notice } from '../../../ui/Notice.tsx';
import { getPayeeAccount, listBanks, putPayeeAccount } from '../api/payments.api.ts';

const P = 'payee';

export function PayeeAccountForm({ unitCode }: { unitCode: string }) {
  const t = useT();
  const banks = useAsync((signal) => listBanks(signal), []);
  const state = useAsync((signal) => getPayeeAccount(unitCode, signal), [unitCode]);
  const [bankBin, setBankBin] = useState('');
  const [accountNumber, setAccountNumber] = useState('');
  const [accountName, setAccountName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const own = state.data?.own;
    setBankBin(own?.bankBin ?? '');
    setAccountNumber(own?.accountNumber ?? '');
    setAccountName(own?.accountName ?? '');
  }, [state.data]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!bankBin) local.bankBin = t('payments.account.bankRequired');
    if (!accountNumber.trim()) local.accountNumber = t('payments.account.numberRequired');
    if (!accountName.trim()) local.accountName = t('payments.account.nameRequired');
    setErrors(local);
    setSummary(summaryItems(local, P));
    setSaved(false);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      state.setData(
        await putPayeeAccount(unitCode, {
          bankBin,
          accountNumber: accountNumber.trim(),
          accountName: accountName.trim(),
        }),
      );
      setSaved(true);
    } catch (error) {
      const r = serverErrors(error, P, t);
      setErrors(r.fields);
      setSummary(r.summary);
    } finally {
      setBusy(false);
    }
  };

  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!state.data) return <Loading />;
  const { own, effective } = state.data;
  return (
    <>
      {saved ? <Notice>{t('payments.account.saved')}</Notice> : null}
      <p>
        {effective
          ? t(own ? 'payments.account.current' : 'payments.account.inherited', {
              bank: effective.bankName,
              number: effective.accountNumber,
              holder: effective.accountName,
              unit: effective.unitCode,
            })
          : t('payments.account.none')}
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorSummary items={summary} />
        <SelectField
          id={`${P}-bankBin`}
          label={t('payments.bank.name')}
          value={bankBin}
          onChange={(e) => setBankBin(e.target.value)}
          error={errors.bankBin}
          options={[
            { value: '', label: t('payments.account.chooseBank') },
            ...(banks.data?.items ?? []).map((b) => ({
              value: b.bin,
              label: `${b.shortName} — ${b.name}`,
            })),
          ]}
        />
        <TextField
          id={`${P}-accountNumber`}
          label={t('payments.bank.account')}
          inputMode="numeric"
          autoComplete="off"
          value={accountNumber}
          onChange={(e) => setAccountNumber(e.target.value)}
          error={errors.accountNumber}
        />
        <TextField
          id={`${P}-accountName`}
          label={t('payments.bank.holder')}
          hint={t('payments.account.holderHint')}
          value={accountName}
          onChange={(e) => setAccountName(e.target.value)}
          error={errors.accountName}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('payments.account.save')}
        </button>
      </form>
    </>
  );
}
