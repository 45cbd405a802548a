// How the citizen receives the result: at the one-stop desk, or by public postal service
// (dịch vụ bưu chính công ích) to an address.
import { useT } from '../../../i18n/i18n-context.tsx';
import { fieldId } from '../../../lib/problem-paths.ts';
import { TextField } from '../../../ui/Field.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import type { Delivery } from '../api/portal.types.ts';

export function DeliveryFields({
  prefix,
  delivery,
  onChange,
  errors,
}: {
  prefix: string;
  delivery: Delivery;
  onChange: (d: Delivery) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  const options = [
    { value: 'desk', label: t('portal.delivery.desk') },
    { value: 'postal', label: t('portal.delivery.postal') },
  ] as const;
  return (
    <section className="section" aria-labelledby={`${prefix}-delivery-title`}>
      <h2 id={`${prefix}-delivery-title`} className="section__title">
        {t('portal.delivery.title')}
      </h2>
      <fieldset className="fieldset">
        <legend className="field__label">{t('portal.delivery.question')}</legend>
        {options.map((o) => (
          <div key={o.value} className="checkbox">
            <input
              type="radio"
              id={`${prefix}-delivery-${o.value}`}
              name={`${prefix}-delivery`}
              checked={delivery.method === o.value}
              onChange={() =>
                onChange(
                  o.value === 'desk'
                    ? { method: 'desk' }
                    : { method: 'postal', address: delivery.address ?? '' },
                )
              }
            />
            <label htmlFor={`${prefix}-delivery-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
      {delivery.method === 'postal' ? (
        <TextField
          id={fieldId(prefix, 'delivery.address')}
          label={t('portal.delivery.address')}
          hint={t('portal.delivery.addressHint')}
          value={delivery.address}
          onChange={(e) => onChange({ method: 'postal', address: e.target.value })}
          error={errors['delivery.address']}
          autoComplete="street-address"
        />
      ) : null}
    </section>
  );
}
