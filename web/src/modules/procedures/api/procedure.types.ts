import type { Role } from '../../identity/index.ts';
import type { UnitKind } from '../../org/index.ts';

export const PROCEDURE_LEVELS = ['province', 'district', 'commune'] as const;
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];
/** Online level: toàn trình (full), một phần (partial), cung cấp thông tin (info). */
export const ONLINE_LEVELS = ['full', 'partial', 'info'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];
export const TIME_UNITS = ['working_days', 'working_hours'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export interface Duration {
  value: number;
  unit: TimeUnit;
}

/** A fee or charge (phí, lệ phí) in đồng. */
export interface Fee {
  name: string;
  amount: number;
  note?: string;
}

/** Rules for the files attached to a dossier component. */
export interface Attachment {
  required: boolean;
  maxFiles: number;
  maxSizeMb: number;
  accept: string[];
}

/** A JSON Schema object (the form of a dossier component). */
export type JsonSchema = Record<string, unknown>;

/** A dossier component (thành phần hồ sơ) with its form and attachment rules. */
export interface DossierComponent {
  key: string;
  name: string;
  required: boolean;
  formSchema: JsonSchema;
  attachment: Attachment;
}

/** One processing step (bước xử lý). */
export interface ProcedureStep {
  order: number;
  name: string;
  role: Role;
  unitKind: UnitKind;
  duration: Duration;
}

/** An administrative procedure (thủ tục hành chính) of the catalogue. */
export interface Procedure {
  id: string;
  code: string;
  name: string;
  field: string;
  implementingAgency: string;
  level: ProcedureLevel;
  processingTime: Duration;
  fees: Fee[];
  result: string;
  legalBasis: string;
  onlineLevel: OnlineLevel;
  components: DossierComponent[];
  steps: ProcedureStep[];
  status: 'active' | 'archived';
  createdAt: string;
  updatedAt: string;
}

/** Body of POST and PUT /procedures. */
export type ProcedureInput = Omit<Procedure, 'id' | 'status' | 'createdAt' | 'updatedAt'>;

/** List filters of GET /procedures. */
export interface ProcedureFilter {
  q: string;
  field: string;
  level: string;
  onlineLevel: string;
}
