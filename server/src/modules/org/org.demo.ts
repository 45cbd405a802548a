import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { createUnitTx } from './org.changes.js';
import { DEFAULT_IMPORT_VALID_FROM, importUnits } from './org.import.js';
import { inTransaction } from './org.present.js';
import { orgRepository as repo } from './org.repository.js';
import type { UnitCategory } from './org.rules.js';

/**
 * The administrative-units data shipped with the server (`server/assets/vn-admin-units`,
 * MIT, see its LICENSE and SOURCE.md): the unit tree and the boundaries the demo and
 * `npm run import:units` read. This file is server/src/modules/org.
 */
export const UNITS_DATA_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../assets/vn-admin-units',
);

/** The demo city: Thành phố Long Xuyên (883), An Giang (89) — the city of seed 003's plan. */
export const DEMO_PROVINCE = '89';
export const DEMO_CITY = '883';

interface Agency {
  code: string;
  name: string;
  fullName: string;
  category: UnitCategory;
  agencyId: string | null;
}

/*
 * Agency identifiers below are DEMO VALUES in the format of Decision 20/2020/QĐ-TTg (dot-
 * separated groups, read right to left): `H01` stands for An Giang's People's Committee,
 * `15` for the city, the next group for a body of the city (00 its UBND, 01 its office,
 * 02–08 its departments, 21–32 the UBND of its wards and communes) and the first for a part
 * of that body (001 its one-stop desk). They are NOT the identifiers actually issued. Police
 * units get none: they are identified in the Ministry of Public Security's own list.
 */
const DEMO_AGENCY_ROOT = '15.H01';

const CITY_AGENCIES: Agency[] = [
  {
    code: '883.UBND',
    name: 'UBND thành phố Long Xuyên',
    fullName: 'Ủy ban nhân dân thành phố Long Xuyên',
    category: 'ubnd',
    agencyId: `000.00.${DEMO_AGENCY_ROOT}`,
  },
  {
    code: '883.VPUBND',
    name: 'Văn phòng HĐND và UBND',
    fullName: 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố Long Xuyên',
    category: 'van_phong',
    agencyId: `000.01.${DEMO_AGENCY_ROOT}`,
  },
  {
    code: '883.TUPHAP',
    name: 'Phòng Tư pháp',
    fullName: 'Phòng Tư pháp thành phố Long Xuyên',
    category: 'phong',
    agencyId: `000.02.${DEMO_AGENCY_ROOT}`,
  },
  {
    code: '883.TCKH',
    name: 'Phòng Tài chính – Kế hoạch',
    fullName: 'Phòng Tài chính – Kế hoạch thành phố Long Xuyên',
    category: 'phong',
    agencyId: `000.03.${DEMO_AGENCY_ROOT}`,
  },
  {
    code: '883.TNMT',
    name: 'Phòng Tài nguyên và Môi trường',
    fullName: 'Phòng Tài nguyên và Môi trường thành phố Long Xuyên',
    category: 'phong',
    agencyId: `000.04.${DEMO_AGENCY_ROOT}`,
  },
  {
    code: '883.QLDT',
    name: 'Phòng Quản lý đô thị',
    fullName: 'Phòng Quản lý đô thị thành phố Long Xuyên',
    category: 'phong',
    agencyId: `000.05.${DEMO_AGENCY_ROOT}`,
  },
  {
    code: '883.VHTT',
    name: 'Phòng Văn hóa và Thông tin',
    fullName: 'Phòng Văn hóa và Thông tin thành phố Long Xuyên',
    category: 'phong',
    agencyId: `000.06.${DEMO_AGENCY_ROOT}`,
  },
  {
    code: '883.NOIVU',
    name: 'Phòng Nội vụ',
    fullName: 'Phòng Nội vụ thành phố Long Xuyên',
    category: 'phong',
    agencyId: `000.07.${DEMO_AGENCY_ROOT}`,
  },
  {
    code: '883.MOTCUA',
    name: 'Bộ phận Một cửa thành phố',
    fullName: 'Bộ phận Tiếp nhận và Trả kết quả thành phố Long Xuyên',
    category: 'one_stop',
    agencyId: `001.01.${DEMO_AGENCY_ROOT}`,
  },
  {
    code: '883.CONGAN',
    name: 'Công an thành phố Long Xuyên',
    fullName: 'Công an thành phố Long Xuyên',
    category: 'cong_an',
    agencyId: null,
  },
];

/** Khóm (hamlets) of Phường Mỹ Bình, to show a fourth level. Numbered demo names. */
const DEMO_HAMLET_WARD = '30280';
const DEMO_HAMLETS = [1, 2, 3, 4].map((n) => ({
  code: `${DEMO_HAMLET_WARD}.K${String(n).padStart(2, '0')}`,
  name: `Khóm ${n}`,
}));

const COMMUNE_WORD: Partial<Record<UnitCategory, string>> = {
  phuong: 'phường',
  xa: 'xã',
  thi_tran: 'thị trấn',
  dac_khu: 'đặc khu',
};

/** The agencies of one ward or commune: its UBND, its one-stop desk and its police. */
function communeAgencies(
  code: string,
  name: string,
  category: UnitCategory,
  index: number,
): Agency[] {
  const place = `${COMMUNE_WORD[category] ?? 'xã'} ${name}`;
  const group = String(21 + index).padStart(2, '0');
  return [
    {
      code: `${code}.UBND`,
      name: `UBND ${place}`,
      fullName: `Ủy ban nhân dân ${place}`,
      category: 'ubnd',
      agencyId: `000.${group}.${DEMO_AGENCY_ROOT}`,
    },
    {
      code: `${code}.MOTCUA`,
      name: `Bộ phận Một cửa ${place}`,
      fullName: `Bộ phận Tiếp nhận và Trả kết quả ${place}`,
      category: 'one_stop',
      agencyId: `001.${group}.${DEMO_AGENCY_ROOT}`,
    },
    {
      code: `${code}.CONGAN`,
      name: `Công an ${place}`,
      fullName: `Công an ${place}`,
      category: 'cong_an',
      agencyId: null,
    },
  ];
}

/**
 * Loads the demo organisation: An Giang → Long Xuyên → its 12 wards and communes (from the
 * units file), the city's and each commune's agencies, and four khóm. Safe to run again:
 * units that exist are left as they are.
 */
export async function seedDemoOrg(db: Kysely<Database>, actor: Actor): Promise<void> {
  await inTransaction(db, async (trx) => {
    await importUnits(trx, actor, {
      file: path.join(UNITS_DATA_DIR, 'units-2025-03.json'),
      gisDir: path.join(UNITS_DATA_DIR, 'gis'),
      province: [DEMO_PROVINCE],
      district: [DEMO_CITY],
    });
    const from = DEFAULT_IMPORT_VALID_FROM;
    const create = async (
      parentCode: string,
      kind: 'agency' | 'hamlet',
      a: Omit<Agency, 'agencyId'> & { agencyId?: string | null },
    ) => {
      if (await repo.findUnit(trx, a.code)) return;
      await createUnitTx(
        trx,
        actor,
        {
          ...a,
          kind,
          parentCode,
          agencyId: a.agencyId ?? null,
          reason: 'Dữ liệu minh họa (demo data)',
        },
        from,
      );
    };
    for (const a of CITY_AGENCIES) await create(DEMO_CITY, 'agency', a);
    const cityId = (await repo.findUnit(trx, DEMO_CITY))!.id;
    const communes = (await repo.childVersionsFrom(trx, cityId, from)).filter(
      (v) => v.kind === 'commune' && v.valid_from <= from,
    );
    for (const [i, c] of communes.entries()) {
      for (const a of communeAgencies(c.code, c.name, c.category, i))
        await create(c.code, 'agency', a);
    }
    for (const h of DEMO_HAMLETS)
      await create(DEMO_HAMLET_WARD, 'hamlet', { ...h, fullName: h.name, category: 'khom' });
  });
}
