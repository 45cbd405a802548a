import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/errors.js';
import { createUnitTx, updateUnitTx } from './org.changes.js';
import { closeUnitTx } from './org.close.js';
import { inTransaction, toUnit, toVersion, versionAsOf } from './org.present.js';
import { orgRepository as repo } from './org.repository.js';
import { vnToday } from './org.rules.js';
import type {
  BoundaryFeatureT,
  CloseUnitInput,
  CreateUnitInput,
  Unit,
  UnitDetail,
  UpdateUnitInput,
} from './org.schemas.js';

type Db = Kysely<Database>;

/** The org module's rules behind the HTTP API: one effective-dated tree of units. */
export class OrgService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Today in Asia/Ho_Chi_Minh, the default date of every query and change. */
  today(): string {
    return vnToday(this.clock.now());
  }

  /** Every unit in force on `asOf` (and, with `includeClosed`, those closed by then), flat. */
  async list(opts: {
    asOf?: string;
    includeClosed: boolean;
  }): Promise<{ items: Unit[]; nextCursor: null }> {
    const rows = await repo.listAsOf(this.db, opts.asOf ?? this.today(), opts.includeClosed);
    return { items: rows.map(toUnit), nextCursor: null };
  }

  /** One unit as of `asOf`, with its whole version history. */
  async get(code: string, asOf?: string): Promise<UnitDetail> {
    const unit = await repo.findUnit(this.db, code);
    if (!unit) throw new NotFoundError(`Không tìm thấy đơn vị mã ${code}.`, 'unit_not_found');
    const versions = await repo.versionsOf(this.db, unit.id);
    const current = versionAsOf(versions, asOf ?? this.today())!;
    return { ...toUnit(current), versions: versions.map(toVersion) };
  }

  /** Creates a unit in force from `validFrom` (default today). */
  async create(actor: Actor, input: CreateUnitInput): Promise<Unit> {
    return inTransaction(this.db, (trx) =>
      createUnitTx(trx, actor, input, input.validFrom ?? this.today()),
    );
  }

  /** Changes a unit from `validFrom` (default today) on. */
  async update(actor: Actor, code: string, input: UpdateUnitInput): Promise<Unit> {
    return inTransaction(this.db, (trx) =>
      updateUnitTx(trx, actor, code, input, input.validFrom ?? this.today()),
    );
  }

  /** Closes (dissolves or merges) a unit on `date`, moving its children to the successor. */
  async close(actor: Actor, code: string, input: CloseUnitInput): Promise<Unit> {
    return inTransaction(this.db, (trx) => closeUnitTx(trx, actor, code, input));
  }

  /** The unit's boundary as a GeoJSON Feature. */
  async boundary(code: string): Promise<BoundaryFeatureT> {
    const unit = await repo.findUnit(this.db, code);
    if (!unit) throw new NotFoundError(`Không tìm thấy đơn vị mã ${code}.`, 'unit_not_found');
    const b = await repo.findBoundary(this.db, unit.id);
    if (!b)
      throw new NotFoundError(
        `Chưa có dữ liệu ranh giới của đơn vị ${code}.`,
        'boundary_not_found',
      );
    const [v] = await repo.effectiveVersions(this.db, [code], this.today());
    const geometry = b.geometry as BoundaryFeatureT['geometry'];
    return {
      type: 'Feature',
      id: code,
      bbox: [b.min_lon, b.min_lat, b.max_lon, b.max_lat],
      geometry: { type: geometry.type, coordinates: geometry.coordinates },
      properties: { code, name: v?.full_name ?? code, source: b.source },
    };
  }
}
