// A report's photos of one stage as a thumbnail grid; each thumbnail links to the full photo.
import { useT } from '../../../i18n/i18n-context.tsx';
import type { ReportPhoto } from '../api/report.types.ts';
import { fitSize } from '../lib/photos.ts';

const THUMB_EDGE = 320;

interface ReportPhotosProps {
  photos: ReportPhoto[];
  stage: ReportPhoto['stage'];
  /** Id of the section heading. */
  titleId: string;
}

/** The citizen's photos ('report') or the after-photos ('resolution'); nothing when there are none. */
export function ReportPhotos({ photos, stage, titleId }: ReportPhotosProps) {
  const t = useT();
  const shown = photos.filter((p) => p.stage === stage);
  if (!shown.length) return null;
  const after = stage === 'resolution';
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} className="section__title">
        {t(after ? 'reports.photos.afterTitle' : 'reports.photos.title')}
      </h2>
      <ul className="rp-photos" data-testid={`report-photos-${stage}`}>
        {shown.map((p, i) => {
          const size = fitSize(p.width, p.height, THUMB_EDGE);
          return (
            <li key={p.id} className="rp-photos__item">
              <a href={p.url} className="rp-photos__link">
                <img
                  src={p.thumbUrl}
                  alt={t(after ? 'reports.photos.afterAlt' : 'reports.photos.alt', { n: i + 1 })}
                  width={size.width}
                  height={size.height}
                  loading="lazy"
                  className="rp-photos__img"
                />
                <span className="visually-hidden"> {t('reports.photos.open')}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
