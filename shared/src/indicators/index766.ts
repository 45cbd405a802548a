// The 766 service index (Bộ chỉ số phục vụ người dân, doanh nghiệp — Quyết định 766/QĐ-TTg,
// 2022; regulations.md §5): 100 points in six groups, each sub-indicator scored as "full points
// if its rate reaches the target, else rate × points ÷ target". Weights and targets are data
// (the server stores them in `index766_setting`); DEFAULT_INDEX766 is what ships.

export interface Index766Indicator {
  /** Sub-indicator code in the answer; also the indicator read for it, unless `sources` says. */
  code: string;
  name: string;
  points: number;
  /** Target rate in percent (0–100]. */
  target: number;
  /**
   * Indicator codes whose values (percent over one shared denominator) add up to the rate;
   * default [code]. Procedures offered online = fully online + partly online, both over the
   * procedures the unit offers, so their sum is the share offered online at all.
   */
  sources?: string[];
  /** 'entered': no data source in the system; a unit enters the value (indicator-values). */
  origin: 'computed' | 'entered';
}

export interface Index766Group {
  code: string;
  name: string;
  points: number;
  indicators: Index766Indicator[];
}

export interface Index766Setting {
  groups: Index766Group[];
}

/**
 * The shipped setting. Group points and the 80/50/90 % targets are from regulations.md §5
 * (the national portal's formula notes); the split of a group's points among its
 * sub-indicators and the other targets are this project's judgement, documented in
 * docs/indicators.md, and a system administrator changes them by PUT.
 */
export const DEFAULT_INDEX766: Index766Setting = {
  groups: [
    {
      code: 'cong_khai_minh_bach',
      name: 'Công khai, minh bạch',
      points: 18,
      indicators: [
        // Entered: publication of procedures is done on the national database, not here.
        {
          code: 'procedures.published_on_time',
          name: 'Thủ tục hành chính được công bố, công khai đúng hạn',
          points: 9,
          target: 100,
          origin: 'entered',
        },
        // Entered: synchronisation to the national portal is not implemented (interop.md).
        {
          code: 'dossiers.synced_national',
          name: 'Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia',
          points: 9,
          target: 100,
          origin: 'entered',
        },
      ],
    },
    {
      code: 'tien_do_giai_quyet',
      name: 'Tiến độ giải quyết',
      points: 20,
      indicators: [
        {
          code: 'dossiers.on_time',
          name: 'Hồ sơ giải quyết đúng hạn',
          points: 20,
          target: 100,
          origin: 'computed',
        },
      ],
    },
    {
      code: 'dich_vu_truc_tuyen',
      name: 'Dịch vụ công trực tuyến',
      points: 12,
      indicators: [
        {
          code: 'procedures.online',
          name: 'Thủ tục hành chính cung cấp dịch vụ công trực tuyến',
          points: 6,
          target: 80,
          sources: ['procedures.full_online', 'procedures.partial_online'],
          origin: 'computed',
        },
        {
          code: 'dossiers.online',
          name: 'Hồ sơ tiếp nhận trực tuyến',
          points: 6,
          target: 50,
          origin: 'computed',
        },
      ],
    },
    {
      code: 'thanh_toan_truc_tuyen',
      name: 'Thanh toán trực tuyến',
      points: 10,
      indicators: [
        {
          code: 'payments.online',
          name: 'Hồ sơ có phí, lệ phí được thanh toán trực tuyến',
          points: 10,
          target: 80,
          origin: 'computed',
        },
      ],
    },
    {
      code: 'so_hoa_ho_so',
      name: 'Số hóa hồ sơ',
      points: 22,
      indicators: [
        {
          code: 'dossiers.result_electronic',
          name: 'Kết quả giải quyết được cấp bản điện tử',
          points: 8,
          target: 80,
          origin: 'computed',
        },
        {
          code: 'dossiers.digitised',
          name: 'Hồ sơ được số hóa',
          points: 8,
          target: 80,
          origin: 'computed',
        },
        // 40 %: seed 003's provide-once target for reuse of digitised data.
        {
          code: 'portal.prefilled',
          name: 'Khai thác, sử dụng lại dữ liệu đã số hóa',
          points: 6,
          target: 40,
          origin: 'computed',
        },
      ],
    },
    {
      code: 'muc_do_hai_long',
      name: 'Mức độ hài lòng',
      points: 18,
      indicators: [
        {
          code: 'petitions.on_time',
          name: 'Phản ánh, kiến nghị được xử lý đúng hạn',
          points: 6,
          target: 100,
          origin: 'computed',
        },
        {
          code: 'satisfaction',
          name: 'Người dân, doanh nghiệp hài lòng',
          points: 12,
          target: 90,
          origin: 'computed',
        },
      ],
    },
  ],
};

/** Problems with a setting (empty when it is usable), in Vietnamese for the API's detail. */
export function index766SettingProblems(s: Index766Setting): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const codes = new Set<string>();
  s.groups.forEach((g, gi) => {
    const sum = g.indicators.reduce((a, i) => a + i.points, 0);
    if (Math.abs(sum - g.points) > 1e-9) {
      problems.push({
        path: `groups.${gi}.indicators`,
        message: `Tổng điểm các chỉ số thành phần (${sum}) phải bằng điểm của nhóm (${g.points}).`,
      });
    }
    g.indicators.forEach((i, ii) => {
      if (codes.has(i.code)) {
        problems.push({
          path: `groups.${gi}.indicators.${ii}.code`,
          message: `Mã chỉ số ${i.code} bị lặp.`,
        });
      }
      codes.add(i.code);
    });
  });
  return problems;
}

/** Points of one sub-indicator: full at or above the target, else rate × points ÷ target. */
export function score766(rate: number | null, points: number, target: number): number {
  if (rate === null || !Number.isFinite(rate)) return 0;
  if (target <= 0 || rate >= target) return points;
  return (Math.max(0, rate) * points) / target;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

export interface Index766Result {
  total: number;
  groups: {
    code: string;
    name: string;
    points: number;
    score: number;
    indicators: {
      code: string;
      name: string;
      rate: number | null;
      target: number;
      points: number;
      score: number;
      origin: 'computed' | 'entered';
      /** True when the rate is missing, so the sub-indicator scored 0. */
      noData: boolean;
    }[];
  }[];
}

/**
 * Scores a unit from its sub-indicator rates (`rates` by indicator code, percent; null or
 * absent = no data). Scores are rounded to 2 places for display; sums use the unrounded ones.
 */
export function scoreIndex766(
  setting: Index766Setting,
  rates: ReadonlyMap<string, number | null>,
): Index766Result {
  let total = 0;
  const groups = setting.groups.map((g) => {
    let groupScore = 0;
    const indicators = g.indicators.map((i) => {
      const rate = subIndicatorRate(i, rates);
      const s = score766(rate, i.points, i.target);
      groupScore += s;
      return {
        code: i.code,
        name: i.name,
        rate: rate === null ? null : r2(rate),
        target: i.target,
        points: i.points,
        score: r2(s),
        origin: i.origin,
        noData: rate === null,
      };
    });
    total += groupScore;
    return { code: g.code, name: g.name, points: g.points, score: r2(groupScore), indicators };
  });
  return { total: r2(total), groups };
}

/** The indicator codes a setting reads. */
export function index766Sources(setting: Index766Setting): string[] {
  return [...new Set(setting.groups.flatMap((g) => g.indicators.flatMap((i) => sourcesOf(i))))];
}

function sourcesOf(i: Index766Indicator): string[] {
  return i.sources && i.sources.length > 0 ? i.sources : [i.code];
}

/** Sum of the sources' rates (capped at 100); null when none of them has data. */
function subIndicatorRate(
  i: Index766Indicator,
  rates: ReadonlyMap<string, number | null>,
): number | null {
  const known = sourcesOf(i)
    .map((c) => rates.get(c) ?? null)
    .filter((r): r is number => r !== null && Number.isFinite(r));
  if (known.length === 0) return null;
  return Math.min(
    100,
    known.reduce((a, r) => a + r, 0),
  );
}
