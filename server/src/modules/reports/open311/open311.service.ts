/**
 * Open311 GeoReport v2 (docs/architecture.md "Open311 GeoReport v2"): the reports module's
 * interop face. Reports are created through ReportService.create, like the web form's; reads
 * go through open311.repository.ts, which never selects personal data.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { ReferenceCache } from '../../../platform/cache/reference-cache.js';
import type { Clock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/schema.js';
import { AppError, NotFoundError, ValidationError } from '../../../platform/errors.js';
import {
  cachedUnit,
  cachedUnitLineage,
  OrgService,
  unitBoundariesAround,
} from '../../org/index.js';
import { hashToken } from '../reports.access.js';
import { type BoundaryCandidate, deepestContaining } from '../reports.routing.js';
import { CreateReportBody, type CreateReportInput } from '../reports.schemas.js';
import type { ReportService } from '../reports.service.js';
import { checkAnswers, parseDefinitions } from './open311.attributes.js';
import type { Open311Form } from './open311.form.js';
import type { Json } from './open311.format.js';
import {
  presentDefinition,
  presentDiscovery,
  presentRequest,
  presentService,
  serviceNotice,
} from './open311.present.js';
import { requestFilter } from './open311.query.js';
import { open311Repository as repo } from './open311.repository.js';

type Db = Kysely<Database>;

export interface Open311Deps {
  db: Db;
  clock: Clock;
  reports: ReportService;
  publicUrl: string;
  /** OPEN311_JURISDICTION_ID: a request naming another jurisdiction gets 400. */
  jurisdictionId: string;
  /** OPEN311_JURISDICTION_UNIT; unset = derived from the unit tree (see jurisdictionUnit). */
  jurisdictionUnit?: string;
  /** GET /requests answers at most this many (the standard's 1000). */
  maxRequests?: number;
}

/** A field of the request, for an error description. */
type Problem = { path: string; message: string };

// The derived jurisdiction unit, per database, while no unit changes.
const jurisdictionCache = new ReferenceCache<string | null>('org');

/** Where our create schema's paths come from in a GeoReport v2 POST. */
const FIELD_OF: Record<string, string> = {
  categoryCode: 'service_code',
  description: 'description',
  'location.lat': 'lat',
  'location.long': 'long',
  'location.unitCode': 'address_id',
  'location.address': 'address_string',
  'contact.name': 'first_name, last_name',
  'contact.phone': 'phone',
  'contact.email': 'email',
};

const HAS_VIETNAMESE = /[À-ỹđĐ]/;

/** A Vietnamese message for a zod issue of the create schema (most carry their own). */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (HAS_VIETNAMESE.test(issue.message)) return issue.message;
  if (issue.code === 'too_big') return `Tối đa ${issue.maximum} ký tự.`;
  if (issue.code === 'too_small') return `Cần ít nhất ${issue.minimum} ký tự.`;
  return 'Giá trị không hợp lệ.';
}

function invalid(problems: Problem[]): ValidationError {
  return new ValidationError(
    `Yêu cầu chưa hợp lệ: ${problems.map((p) => `${p.path} — ${p.message}`).join('; ')}`,
    problems,
    'open311_invalid_request',
  );
}

function outsideJurisdiction(field: string): AppError {
  return new AppError(
    'location_outside_jurisdiction',
    400,
    `${field}: vị trí nằm ngoài địa bàn được quản lý trên hệ thống.`,
  );
}

/** GeoReport v2 over the field reports. */
export class Open311Service {
  readonly maxRequests: number;
  constructor(readonly deps: Open311Deps) {
    this.maxRequests = deps.maxRequests ?? 1000;
  }

  /** 400 when `given` names a jurisdiction other than ours (absent or empty = ours). */
  checkJurisdiction(given: string | undefined): void {
    const id = given?.trim();
    if (id && id !== this.deps.jurisdictionId)
      throw new ValidationError(
        `jurisdiction_id "${id}" không đúng: máy chủ này phục vụ "${this.deps.jurisdictionId}".`,
        [],
        'jurisdiction_not_found',
      );
  }

  /**
   * The unit of the jurisdiction: OPEN311_JURISDICTION_UNIT when set (null if unknown), else
   * the single top-level unit, going down while it has exactly one administrative child
   * (An Giang → Long Xuyên in the demo); null when there is no single top-level unit.
   */
  async jurisdictionUnit(): Promise<string | null> {
    const { db, clock } = this.deps;
    const configured = this.deps.jurisdictionUnit;
    return jurisdictionCache.get(
      db,
      `unit:${configured ?? ''}`,
      async () => {
        if (configured) return (await cachedUnit(db, configured, undefined)) ? configured : null;
        const units = (await new OrgService(db, clock).list({ includeClosed: false })).items.filter(
          (u) => u.kind !== 'agency',
        );
        const children = new Map<string | null, string[]>();
        for (const u of units)
          children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), u.code]);
        let level = children.get(null) ?? [];
        if (level.length !== 1) return null;
        let unit = level[0]!;
        for (level = children.get(unit) ?? []; level.length === 1; level = children.get(unit) ?? [])
          unit = level[0]!;
        return unit;
      },
      undefined,
    );
  }

  /** GET /discovery. */
  discovery(): Json {
    return presentDiscovery(this.deps.publicUrl);
  }

  /** GET /services: the active categories. */
  async services(): Promise<Json> {
    const rows = await repo.listServices(this.deps.db);
    return rows.map((c) => presentService(c, parseDefinitions(c.attributes)));
  }

  /** GET /services/{code}: the category's extra questions; 404 unknown or inactive. */
  async definition(code: string): Promise<Json> {
    const c = await repo.findService(this.deps.db, code);
    if (!c) throw serviceNotFound(code);
    return presentDefinition(c.code, parseDefinitions(c.attributes));
  }

  /**
   * POST /requests: checks the answers and the location, then files the report through
   * ReportService.create (channel `open311`). The answer carries both the report code and
   * the follow token (Open311 `token`): reports are numbered at once.
   */
  async createRequest(form: Open311Form, clientId: string): Promise<Json> {
    const f = Object.fromEntries(
      Object.entries(form.fields).map(([k, v]) => [k, v.trim()]),
    ) as Record<string, string | undefined>;
    if (!f.service_code)
      throw invalid([{ path: 'service_code', message: 'Bắt buộc: một mã trong GET /services.' }]);
    const service = await repo.findService(this.deps.db, f.service_code);
    if (!service) throw serviceNotFound(f.service_code);
    const problems: Problem[] = [];
    const checked = checkAnswers(parseDefinitions(service.attributes), form.attributes);
    if (!checked.ok)
      problems.push(...checked.problems.map((p) => ({ path: p.field, message: p.message })));
    const before = problems.length;
    const location = await this.location(f, problems);
    const locationRefused = problems.length > before;
    const name = [f.first_name, f.last_name].filter(Boolean).join(' ');
    const parsed = CreateReportBody.safeParse({
      categoryCode: service.code,
      // Optional in the standard, required by us: the category's name stands in for it.
      description: f.description || service.name_vi,
      location,
      contact: {
        ...(name ? { name } : {}),
        ...(f.phone ? { phone: f.phone } : {}),
        ...(f.email ? { email: f.email } : {}),
      },
      anonymous: false,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        // The location's own problem was already said in GeoReport v2 terms.
        if (locationRefused && issue.path[0] === 'location') continue;
        problems.push({
          path: FIELD_OF[issue.path.join('.')] ?? issue.path.join('.'),
          message: issueMessage(issue),
        });
      }
    if (f.media_url && !isHttpUrl(f.media_url))
      problems.push({
        path: 'media_url',
        message: 'Cần một địa chỉ http(s) đầy đủ, tối đa 2.000 ký tự.',
      });
    if (problems.length > 0 || !parsed.success || !checked.ok) throw invalid(problems);
    await this.assertInJurisdiction(parsed.data.location);
    const { row, followToken } = await this.deps.reports.create(null, parsed.data, {
      channel: 'open311',
      clientId,
      attributes: checked.answers,
      mediaUrl: f.media_url || undefined,
    });
    // account_id is never echoed: Open311 output carries no personal data.
    return [
      {
        service_request_id: row.code,
        token: followToken,
        service_notice: serviceNotice(service),
        account_id: null,
      },
    ];
  }

  /**
   * The report's location from lat+long, address_id (a unit code: xã/phường) or, alone,
   * address_string — which goes to the jurisdiction's unit for triage, the address kept.
   */
  private async location(
    f: Record<string, string | undefined>,
    problems: Problem[],
  ): Promise<Partial<CreateReportInput['location']>> {
    const address = f.address_string || undefined;
    if (f.lat || f.long) {
      if (!f.lat || !f.long)
        problems.push({ path: 'lat, long', message: 'Gửi cả vĩ độ (lat) và kinh độ (long).' });
      return {
        lat: formNumber(f.lat) as never,
        long: formNumber(f.long) as never,
        ...(f.address_id ? { unitCode: f.address_id } : {}),
        ...(address ? { address } : {}),
      };
    }
    if (f.address_id) return { unitCode: f.address_id, ...(address ? { address } : {}) };
    if (address) {
      const unit = await this.jurisdictionUnit();
      if (!unit)
        problems.push({
          path: 'address_string',
          message:
            'Máy chủ chưa cấu hình đơn vị của địa bàn (OPEN311_JURISDICTION_UNIT); hãy gửi kèm lat và long hoặc address_id (mã xã/phường).',
        });
      return { ...(unit ? { unitCode: unit } : {}), address };
    }
    problems.push({
      path: 'lat, long',
      message: 'Cần vị trí: lat và long, hoặc address_string, hoặc address_id (mã xã/phường).',
    });
    return {};
  }

  /** 400 when the point or the unit lies in a unit outside the jurisdiction's. */
  private async assertInJurisdiction(loc: CreateReportInput['location']): Promise<void> {
    const { db } = this.deps;
    const unit = await this.jurisdictionUnit();
    if (!unit) return;
    const inside = async (code: string) => {
      const lineage = await cachedUnitLineage(db, code, undefined);
      // An unknown unit is ReportService's to refuse (unit_not_found).
      return lineage.length === 0 || lineage.includes(unit);
    };
    if (loc.lat !== undefined && loc.long !== undefined) {
      const p = { lat: loc.lat, long: loc.long };
      const routed = deepestContaining(
        (await unitBoundariesAround(db, p)) as BoundaryCandidate[],
        p,
      );
      if (routed && !(await inside(routed))) throw outsideJurisdiction('lat, long');
    }
    if (loc.unitCode && !(await inside(loc.unitCode))) throw outsideJurisdiction('address_id');
  }

  /** GET /tokens/{token}: the request the follow token belongs to. */
  async token(token: string): Promise<Json> {
    const code = /^[A-Za-z0-9_-]{16,100}$/.test(token)
      ? await repo.codeByTokenHash(this.deps.db, hashToken(token))
      : undefined;
    if (!code) throw new NotFoundError('Không tìm thấy mã (token) này.', 'token_not_found');
    return [{ service_request_id: code, token }];
  }

  /** GET /requests with the standard's filters and limits (see requestFilter). */
  async listRequests(
    query: Record<string, string | undefined>,
    visibleTo: string | null,
  ): Promise<Json> {
    const filter = requestFilter(query, {
      now: this.deps.clock.now(),
      limit: this.maxRequests,
      visibleTo,
    });
    const rows = await repo.listRequests(this.deps.db, filter);
    return rows.map((r) => presentRequest(r, this.deps.publicUrl));
  }

  /** GET /requests/{id}: one request (a list of one); 404 unknown or not published. */
  async getRequest(code: string, visibleTo: string | null): Promise<Json> {
    const rows = await repo.listRequests(this.deps.db, { codes: [code], visibleTo, limit: 1 });
    if (rows.length === 0)
      throw new NotFoundError(`Không tìm thấy phản ánh mã ${code}.`, 'report_not_found');
    return rows.map((r) => presentRequest(r, this.deps.publicUrl));
  }
}

function serviceNotFound(code: string): NotFoundError {
  return new NotFoundError(
    `Không có lĩnh vực phản ánh (service_code) "${code}"; xem danh sách ở GET /services.`,
    'service_not_found',
  );
}

function isHttpUrl(v: string): boolean {
  if (v.length > 2000) return false;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A number typed in a form field: its value when the text is one, else the text itself, for
 * the report schema (which takes JSON numbers only) to name what is wrong.
 */
function formNumber(text: string | undefined): number | string | undefined {
  const v = text?.trim();
  if (!v) return text;
  const n = Number(v);
  return Number.isFinite(n) ? n : text;
}
