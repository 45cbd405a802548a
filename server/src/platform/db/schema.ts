import type { CalendarTables } from '../../modules/calendar/calendar.tables.js';
import type { CitizensTables } from '../../modules/citizens/citizens.tables.js';
import type { DocumentsTables } from '../../modules/documents/documents.tables.js';
import type { DossiersTables } from '../../modules/dossiers/dossiers.tables.js';
import type { FeedbackTables } from '../../modules/feedback/feedback.tables.js';
import type { IdentityTables } from '../../modules/identity/identity.tables.js';
import type { IndicatorsScoringTables } from '../../modules/indicators/indicators.scoring.tables.js';
import type { IndicatorsTables } from '../../modules/indicators/indicators.tables.js';
import type { NotificationsTables } from '../../modules/notifications/notifications.tables.js';
import type { OrgTables } from '../../modules/org/org.tables.js';
import type { PaymentsTables } from '../../modules/payments/payments.tables.js';
import type { PlansTables } from '../../modules/plans/plans.tables.js';
import type { PortalTables } from '../../modules/portal/portal.tables.js';
import type { ProceduresTables } from '../../modules/procedures/procedures.tables.js';
import type { Open311Tables } from '../../modules/reports/open311/open311.tables.js';
import type { ReportsTables } from '../../modules/reports/reports.tables.js';
import type { SignaturesTables } from '../../modules/signatures/signatures.tables.js';
import type { TasksTables } from '../../modules/tasks/tasks.tables.js';
import type { PlatformTables } from './platform.tables.js';

/** Every table the application knows, for Kysely's typing. Each module owns its part. */
export interface Database
  extends PlatformTables,
    OrgTables,
    IdentityTables,
    CalendarTables,
    ProceduresTables,
    DossiersTables,
    NotificationsTables,
    ReportsTables,
    Open311Tables,
    CitizensTables,
    PaymentsTables,
    FeedbackTables,
    PortalTables,
    PlansTables,
    TasksTables,
    DocumentsTables,
    IndicatorsTables,
    IndicatorsScoringTables,
    SignaturesTables {}
