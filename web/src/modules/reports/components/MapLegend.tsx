// The text legend of the marker colours: each colour named in words (WCAG 1.4.1).
import { useT } from '../../../i18n/i18n-context.tsx';
import { STATUS_TONES } from '../lib/status.ts';

/** The legend under a map. */
export function MapLegend() {
  const t = useT();
  return (
    <ul className="rp-legend" aria-label={t('reports.map.legend')}>
      {STATUS_TONES.map((tone) => (
        <li key={tone}>
          <span className={`rp-swatch rp-tone--${tone}`} aria-hidden="true" />
          {t(`reports.tone.${tone}`)}
        </li>
      ))}
    </ul>
  );
}
