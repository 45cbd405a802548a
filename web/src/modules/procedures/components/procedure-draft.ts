// The editor's working copy of a procedure: numbers as typed text, rows with React keys,
// component forms as field lists. Converted to the API shape on save.
import { DEFAULT_UNPAID_RETURN } from '@cqs/shared/procedures/index';
import { parseMoney } from '../../../lib/format.ts';
import type {
  OnlineLevel,
  Procedure,
  ProcedureInput,
  ProcedureLevel,
  StepRole,
  StepUnitKind,
  TimeUnit,
  UnpaidReturn,
} from '../api/procedure.types.ts';
import { emptyModel, type FormModel, modelToSchema, newUid, schemaToModel } from './form-schema.ts';

export interface FeeDraft {
  uid: number;
  name: string;
  amount: string;
  note: string;
}
export interface StepDraft {
  uid: number;
  name: string;
  role: StepRole;
  unitKind: StepUnitKind;
  durationValue: string;
  durationUnit: TimeUnit;
}
export interface ComponentDraft {
  uid: number;
  key: string;
  name: string;
  required: boolean;
  attachmentRequired: boolean;
  maxFiles: string;
  maxSizeMb: string;
  accept: string;
  form: FormModel;
  /** Set when the stored schema could not be read as an object schema. */
  schemaError?: string;
}
export interface ProcedureDraft {
  code: string;
  name: string;
  field: string;
  implementingAgency: string;
  level: ProcedureLevel;
  processingValue: string;
  processingUnit: TimeUnit;
  onlineLevel: OnlineLevel;
  result: string;
  legalBasis: string;
  fees: FeeDraft[];
  /** What the desk may do with a result whose fee is unpaid. */
  unpaidReturn: UnpaidReturn;
  steps: StepDraft[];
  components: ComponentDraft[];
}

/** An empty fee row. */
export const newFee = (): FeeDraft => ({ uid: newUid(), name: '', amount: '0', note: '' });

/** An empty step row. */
export const newStep = (): StepDraft => ({
  uid: newUid(),
  name: '',
  role: 'specialist',
  unitKind: 'commune',
  durationValue: '1',
  durationUnit: 'working_days',
});

/** An empty component with a unique default key. */
export function newComponent(existing: ComponentDraft[]): ComponentDraft {
  let n = existing.length + 1;
  while (existing.some((c) => c.key === `thanh_phan_${n}`)) n++;
  return {
    uid: newUid(),
    key: `thanh_phan_${n}`,
    name: '',
    required: true,
    attachmentRequired: false,
    maxFiles: '1',
    maxSizeMb: '10',
    accept: 'application/pdf, image/jpeg, image/png',
    form: emptyModel(),
  };
}

/** The working copy of `p`, or of a new procedure. */
export function toDraft(p?: Procedure): ProcedureDraft {
  if (!p) {
    return {
      code: '',
      name: '',
      field: '',
      implementingAgency: '',
      level: 'commune',
      processingValue: '',
      processingUnit: 'working_days',
      onlineLevel: 'partial',
      result: '',
      legalBasis: '',
      fees: [],
      unpaidReturn: DEFAULT_UNPAID_RETURN,
      steps: [],
      components: [],
    };
  }
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    implementingAgency: p.implementingAgency,
    level: p.level,
    processingValue: String(p.processingTime.value),
    processingUnit: p.processingTime.unit,
    onlineLevel: p.onlineLevel,
    result: p.result ?? '',
    legalBasis: p.legalBasis ?? '',
    fees: p.fees.map((f) => ({
      uid: newUid(),
      name: f.name,
      amount: f.amount.toLocaleString('vi-VN'),
      note: f.note ?? '',
    })),
    unpaidReturn: p.unpaidReturn ?? DEFAULT_UNPAID_RETURN,
    steps: [...p.steps]
      .sort((a, b) => a.order - b.order)
      .map((s) => ({
        uid: newUid(),
        name: s.name,
        role: s.role,
        unitKind: s.unitKind,
        durationValue: String(s.duration.value),
        durationUnit: s.duration.unit,
      })),
    components: p.components.map((c) => {
      let form = emptyModel();
      let schemaError: string | undefined;
      try {
        form = schemaToModel(c.formSchema);
      } catch {
        schemaError = JSON.stringify(c.formSchema);
      }
      return {
        uid: newUid(),
        key: c.key,
        name: c.name,
        required: c.required,
        form,
        schemaError,
        attachmentRequired: c.attachment?.required ?? false,
        maxFiles: String(c.attachment?.maxFiles ?? 1),
        maxSizeMb: String(c.attachment?.maxSizeMb ?? 10),
        accept: (c.attachment?.accept ?? []).join(', '),
      };
    }),
  };
}

/** The number typed in `text` (decimal comma allowed); NaN when empty, so the schema asks for one. */
const num = (text: string) => (text.trim() ? Number(text.trim().replace(',', '.')) : Number.NaN);

/** The form of a component: null when it has no fields (a paper to show or attach). */
const formOf = (c: ComponentDraft) =>
  c.form.fields.length || Object.keys(c.form.opaque).length ? modelToSchema(c.form) : null;

/** The API body of the draft; validate it with the shared schema before sending. */
export function fromDraft(d: ProcedureDraft): ProcedureInput {
  return {
    code: d.code.trim(),
    name: d.name.trim(),
    field: d.field.trim(),
    implementingAgency: d.implementingAgency.trim(),
    level: d.level,
    processingTime: { value: num(d.processingValue), unit: d.processingUnit },
    fees: d.fees.map((f) => ({
      name: f.name.trim(),
      amount: f.amount.trim() ? parseMoney(f.amount) : Number.NaN,
      ...(f.note.trim() ? { note: f.note.trim() } : {}),
    })),
    result: d.result.trim(),
    legalBasis: d.legalBasis.trim(),
    onlineLevel: d.onlineLevel,
    unpaidReturn: d.unpaidReturn,
    components: d.components.map((c) => ({
      key: c.key.trim(),
      name: c.name.trim(),
      required: c.required,
      formSchema: formOf(c),
      attachment: {
        required: c.attachmentRequired,
        maxFiles: num(c.maxFiles),
        maxSizeMb: num(c.maxSizeMb),
        accept: c.accept
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
      },
    })),
    steps: d.steps.map((s, i) => ({
      order: i + 1,
      name: s.name.trim(),
      role: s.role,
      unitKind: s.unitKind,
      duration: { value: num(s.durationValue), unit: s.durationUnit },
    })),
  };
}
