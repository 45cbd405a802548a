// "Lưu" (and "Hủy" in a dialog) at the foot of the settings forms.
import { useT } from '../../../i18n/i18n-context.tsx';

export function SaveButtons({ busy, onCancel }: { busy: boolean; onCancel?: () => void }) {
  const t = useT();
  return (
    <div className="form-actions">
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('status.saving') : t('reportsAdmin.save')}
      </button>
      {onCancel ? (
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      ) : null}
    </div>
  );
}
