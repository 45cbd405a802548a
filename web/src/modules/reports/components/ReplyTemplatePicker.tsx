// "Chọn mẫu trả lời": fills a reply, a rejection reason or a question from the admin's
// templates for the report's category (and the general ones); the text stays editable.
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { SelectField } from '../../../ui/Field.tsx';
import { listReplyTemplates, type ReplyKind } from '../admin/reports-admin.api.ts';

interface Props {
  id: string;
  categoryCode: string;
  kind: ReplyKind;
  onPick: (text: string) => void;
}

export function ReplyTemplatePicker({ id, categoryCode, kind, onPick }: Props) {
  const t = useT();
  const templates = useAsync(
    (signal) => listReplyTemplates({ category: categoryCode, kind }, signal),
    [categoryCode, kind],
  );
  const items = templates.data ?? [];
  // Nothing to offer (or the list failed): the field is typed by hand, as before.
  if (items.length === 0) return null;
  return (
    <SelectField
      id={id}
      label={t('reportsAdmin.template.pick')}
      value=""
      options={[
        { value: '', label: t('reportsAdmin.template.pickNone') },
        ...items.map((x) => ({ value: x.id, label: x.title })),
      ]}
      onChange={(e) => {
        const picked = items.find((x) => x.id === e.target.value);
        if (picked) onPick(picked.body);
      }}
    />
  );
}
