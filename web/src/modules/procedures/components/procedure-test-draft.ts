// Drafts for the editor's unit tests.
import { interpolate, type TFunction } from '../../../i18n/i18n-context.tsx';
import { vi } from '../../../i18n/vi.ts';
import { newField } from './form-schema.ts';
import { newComponent, newStep, type ProcedureDraft, toDraft } from './procedure-draft.ts';

/** `t` of the Vietnamese catalogue. */
export const tVi: TFunction = (key, params) => interpolate(vi[key], params);

/** A draft the shared schema accepts: one step, one component whose form has one field. */
export function validDraft(): ProcedureDraft {
  const component = newComponent([]);
  component.name = 'Tờ khai đăng ký tạm trú';
  component.form.fields = [{ ...newField([]), key: 'hoTen', title: 'Họ và tên' }];
  return {
    ...toDraft(),
    code: '1.004194',
    name: 'Đăng ký tạm trú',
    field: 'Cư trú',
    implementingAgency: 'Công an xã',
    processingValue: '3',
    result: 'Xác nhận đăng ký tạm trú',
    legalBasis: 'Luật Cư trú năm 2020',
    steps: [{ ...newStep(), name: 'Tiếp nhận và giải quyết', durationValue: '3' }],
    components: [component],
  };
}
