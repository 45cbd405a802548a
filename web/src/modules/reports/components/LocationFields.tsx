// Where the problem is: a point picked on the map (click, or Enter on the focused map), the
// device's position, or a ward/commune with a typed address.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/vi.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import type { MapPoint } from '../lib/geo.ts';
import { LazyReportMap } from './LazyReportMap.tsx';

interface LocationFieldsProps {
  prefix: string;
  point: MapPoint | null;
  unitCode: string;
  address: string;
  /** Wards and communes; empty when the list cannot be read (then the map is the way). */
  units: { value: string; label: string }[];
  onChange: (patch: { point?: MapPoint | null; unitCode?: string; address?: string }) => void;
  errors: FieldErrors;
}

/**
 * Whether the page may ask for the device's position: browsers offer geolocation only to
 * secure contexts (https, localhost) and refuse it on plain http, which is the default LAN
 * deployment (http://192.168.1.10:3000). There the form says so and offers the map instead.
 */
const canAskPosition = () => typeof window !== 'undefined' && window.isSecureContext;

const GEO_ERRORS: Record<number, MessageKey> = {
  1: 'reports.geo.denied',
  2: 'reports.geo.unavailable',
  3: 'reports.geo.timeout',
};

/** The location group of the report form. */
export function LocationFields({
  prefix,
  point,
  unitCode,
  address,
  units,
  onChange,
  errors,
}: LocationFieldsProps) {
  const t = useT();
  const [geo, setGeo] = useState<{ kind: 'info' | 'error'; key: MessageKey } | null>(null);
  const pointError = errors['location.point'] ?? errors['location.long'];
  const locationError = errors['location.unitCode'];

  const useMyPosition = () => {
    if (!('geolocation' in navigator)) {
      setGeo({ kind: 'error', key: 'reports.geo.unsupported' });
      return;
    }
    setGeo({ kind: 'info', key: 'reports.geo.locating' });
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        onChange({ point: { lat: pos.coords.latitude, long: pos.coords.longitude } });
        setGeo({ kind: 'info', key: 'reports.geo.found' });
      },
      (err) => setGeo({ kind: 'error', key: GEO_ERRORS[err.code] ?? 'reports.geo.unavailable' }),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  };

  return (
    <fieldset
      className={`fieldset${locationError ? ' field--error' : ''}`}
      id={`${prefix}-location`}
      aria-describedby={`${prefix}-location-hint`}
    >
      <legend className="fieldset__legend">{t('reports.form.location')}</legend>
      <p className="field__hint" id={`${prefix}-location-hint`}>
        {t('reports.form.locationHint')}
      </p>
      {locationError ? (
        <p className="field__error" id={`${prefix}-location-unitCode`} tabIndex={-1}>
          {locationError}
        </p>
      ) : null}
      <div id={`${prefix}-location-point`} tabIndex={-1}>
        <LazyReportMap
          label={t('reports.map.pickLabel')}
          picked={point}
          onPick={(p) => onChange({ point: p })}
        />
      </div>
      <p className="muted rp-map-help">{t('reports.map.pickHelp')}</p>
      {pointError ? <p className="field__error">{pointError}</p> : null}
      {canAskPosition() ? null : (
        <p className="field__hint" data-testid="geo-insecure">
          {t('reports.geo.insecure')}
        </p>
      )}
      <div className="button-group">
        {canAskPosition() ? (
          <button type="button" className="button button--secondary" onClick={useMyPosition}>
            {t('reports.geo.useMine')}
          </button>
        ) : null}
        {point ? (
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              onChange({ point: null });
              setGeo(null);
            }}
          >
            {t('reports.form.clearPoint')}
          </button>
        ) : null}
      </div>
      <p aria-live="polite" className={geo?.kind === 'error' ? 'field__error' : 'muted'}>
        {point
          ? t('reports.form.pointChosen', {
              lat: point.lat.toFixed(5),
              long: point.long.toFixed(5),
            })
          : ''}
        {point && geo ? ' ' : ''}
        {geo ? t(geo.key) : ''}
      </p>
      <h3 className="rp-subhead">{t('reports.form.orUnit')}</h3>
      {units.length ? (
        <SelectField
          id={`${prefix}-location-unit`}
          label={t('reports.form.unit')}
          value={unitCode}
          options={[{ value: '', label: t('form.choose') }, ...units]}
          onChange={(e) => onChange({ unitCode: e.target.value })}
        />
      ) : (
        <p className="muted">{t('reports.form.unitUnavailable')}</p>
      )}
      <TextField
        id={`${prefix}-location-address`}
        label={t('reports.form.address')}
        hint={t('reports.form.addressHint')}
        value={address}
        error={errors['location.address']}
        autoComplete="street-address"
        maxLength={300}
        onChange={(e) => onChange({ address: e.target.value })}
      />
    </fieldset>
  );
}
