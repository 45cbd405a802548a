// Wire types of the procedure catalogue API. The closed lists (levels, online levels, time
// units, step roles and unit kinds) come from the shared schema the server validates with.
import type {
  Level,
  OnlineLevel,
  StepRole,
  StepUnitKind,
  TimeUnit,
  UnpaidReturn,
} from '@cqs/shared/procedures/index';

export {
  LEVELS as PROCEDURE_LEVELS,
  ONLINE_LEVELS,
  STEP_ROLES,
  STEP_UNIT_KINDS,
  TIME_UNITS,
  UNPAID_RETURN_POLICIES,
} from '@cqs/shared/procedures/index';
export type { OnlineLevel, StepRole, StepUnitKind, TimeUnit, UnpaidReturn };
export type ProcedureLevel = Level;

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

/** A dossier component (thành phần hồ sơ) with its form (null: nothing to fill in) and attachment rules. */
export interface DossierComponent {
  key: string;
  name: string;
  required: boolean;
  formSchema: JsonSchema | null;
  attachment: Attachment;
}

/** One processing step (bước xử lý). */
export interface ProcedureStep {
  order: number;
  name: string;
  role: StepRole;
  unitKind: StepUnitKind;
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
  /** What the desk may do with a result whose fee is unpaid. */
  unpaidReturn: UnpaidReturn;
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
