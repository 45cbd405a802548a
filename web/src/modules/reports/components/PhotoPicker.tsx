// Photos for a report or a resolution (ảnh phản ánh): a labelled file input that uploads each
// picked photo at once, thumbnails with a remove button each, messages in a polite live region,
// and — when a photo carries where it was taken and no place is chosen yet — a button to use it.
import { type ChangeEvent, type Dispatch, type SetStateAction, useRef, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { uploadReportPhoto } from '../api/reports.api.ts';
import type { MapPoint } from '../lib/geo.ts';
import {
  admitFiles,
  type PhotoItem,
  photoLocation,
  slotsLeft,
  uploadErrorKey,
} from '../lib/photos.ts';

interface PhotoPickerProps {
  /** Id of the file input (error summary links point here). */
  id: string;
  label: string;
  hint: string;
  items: PhotoItem[];
  onItemsChange: Dispatch<SetStateAction<PhotoItem[]>>;
  /** The field's error (e.g. the server refused an id). */
  error?: string;
  /** Alt text of the n-th thumbnail. */
  altOf: (n: number) => string;
  /** Offered when a photo has a position; absent when a place is already chosen. */
  onUseLocation?: (point: MapPoint) => void;
}

let counter = 0;

/** The photo picker. */
export function PhotoPicker({
  id,
  label,
  hint,
  items,
  onItemsChange,
  error,
  altOf,
  onUseLocation,
}: PhotoPickerProps) {
  const t = useT();
  const [refusals, setRefusals] = useState<string[]>([]);
  const [announce, setAnnounce] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const left = slotsLeft(items);
  const located = onUseLocation ? photoLocation(items) : null;

  const update = (key: string, patch: Partial<PhotoItem>) =>
    onItemsChange((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Let the same file be picked again after a removal.
    event.target.value = '';
    if (!files.length) return;
    const { accepted, refused } = admitFiles(files, items);
    const refusedText = refused.map((r) => t(r.reason, { name: r.name }));
    setRefusals(refusedText);
    setAnnounce(refusedText.join(' '));
    const added = accepted.map((file) => ({
      file,
      item: { key: `p${++counter}`, name: file.name, status: 'uploading' as const },
    }));
    if (!added.length) return;
    onItemsChange((list) => [...list, ...added.map((a) => a.item)]);
    setAnnounce([...refusedText, t('reports.photos.progress', { count: added.length })].join(' '));
    for (const { file, item } of added) {
      uploadReportPhoto(file).then(
        (photo) => {
          update(item.key, { status: 'done', photo });
          setAnnounce(`${t('reports.photos.uploaded')}: ${item.name}.`);
        },
        (err: unknown) => {
          const key = uploadErrorKey(err);
          const message = key
            ? t(key, { name: item.name })
            : t('reports.photos.errorOther', { name: item.name, detail: errorText(err, t) });
          update(item.key, { status: 'error', error: message });
          setAnnounce(message);
        },
      );
    }
  };

  const remove = (key: string) => {
    onItemsChange((list) => list.filter((i) => i.key !== key));
    setAnnounce(t('reports.photos.removed'));
    // After the render: the input may have been disabled while five photos were there.
    setTimeout(() => inputRef.current?.focus());
  };

  const describedBy = [`${id}-hint`, error ? `${id}-error` : '', left === 0 ? `${id}-full` : '']
    .filter(Boolean)
    .join(' ');

  return (
    <div className={`field rp-photos-field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="field__hint" id={`${id}-hint`}>
        {hint}
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        className="rp-photos__input visually-hidden"
        type="file"
        accept="image/*"
        multiple
        disabled={left === 0}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={onPick}
      />
      {/* The native control's text follows the browser's language: a Vietnamese button instead. */}
      <label
        htmlFor={id}
        className="button button--secondary rp-photos__choose"
        aria-hidden="true"
        data-disabled={left === 0 || undefined}
      >
        {t('reports.photos.choose')}
      </label>
      {left === 0 ? (
        <p className="muted" id={`${id}-full`}>
          {t('reports.photos.full')}
        </p>
      ) : null}
      {refusals.length ? (
        <ul className="field__error rp-photos__refusals">
          {refusals.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {items.length ? (
        <ul className="rp-photos rp-photos--picker" aria-label={t('reports.photos.listLabel')}>
          {items.map((item, index) => (
            <li key={item.key} className="rp-photos__item" aria-busy={item.status === 'uploading'}>
              {item.photo ? (
                <img src={item.photo.preview} alt={altOf(index + 1)} className="rp-photos__img" />
              ) : (
                <div className="rp-photos__placeholder" aria-hidden="true" />
              )}
              <p
                className={
                  item.status === 'error' ? 'field__error rp-photos__note' : 'muted rp-photos__note'
                }
              >
                {item.status === 'uploading'
                  ? t('reports.photos.uploading')
                  : item.status === 'error'
                    ? item.error
                    : item.name}
              </p>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => remove(item.key)}
              >
                {t('reports.photos.remove', { n: index + 1 })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {located && onUseLocation ? (
        <div className="rp-photos__location">
          <p className="muted">
            {t('reports.photos.locationFound', {
              n: located.n,
              lat: located.lat.toFixed(5),
              long: located.long.toFixed(5),
            })}
          </p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onUseLocation({ lat: located.lat, long: located.long })}
          >
            {t('reports.photos.useLocation')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
