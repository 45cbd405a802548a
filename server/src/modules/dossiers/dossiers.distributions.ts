// The shapes of realistic one-stop volume (issue 12 deliver 7): which wards and procedures
// carry the dossiers, and the applicants' names. One source for the benchmark data
// (bench/dossier-bulk.ts) and the demo's year of history (dossiers.demo-history.ts), so the
// demo shows what the benchmarks measure.

/** The 12 wards and communes of Long Xuyên with their share of the city's dossiers (%). */
export const DEMO_WARDS: [string, number][] = [
  ['30280', 16], // Mỹ Bình (the demo accounts' ward)
  ['30283', 14],
  ['30286', 12],
  ['30289', 10],
  ['30292', 9],
  ['30295', 8],
  ['30298', 7],
  ['30301', 6],
  ['30304', 6],
  ['30307', 5],
  ['30310', 4],
  ['30313', 3],
];

/** Volume weight of the busiest procedures; the others weigh `procedureWeight`'s default. */
export const PROCEDURE_WEIGHTS: Record<string, number> = {
  '2.000815': 30, // chứng thực bản sao từ bản chính
  '2.000884': 14, // chứng thực chữ ký
  '1.001193': 9, // đăng ký khai sinh
  '2.000635': 7, // bản sao trích lục hộ tịch
  '1.004873': 6, // xác nhận tình trạng hôn nhân
  '2.001035': 5, // chứng thực hợp đồng, giao dịch
  '1.000656': 3, // đăng ký khai tử
  '1.000894': 3, // đăng ký kết hôn
};

/** A procedure's volume weight: its own, else 1 at commune level and 0.4 above it. */
export function procedureWeight(p: { code: string; level: string }): number {
  return PROCEDURE_WEIGHTS[p.code] ?? (p.level === 'commune' ? 1 : 0.4);
}

/** Vietnamese surnames with their approximate share (%), Nguyễn first. */
export const SURNAMES: [string, number][] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Huỳnh', 5],
  ['Võ', 4],
  ['Phan', 4],
  ['Trương', 2],
  ['Bùi', 2],
  ['Đặng', 2],
  ['Đỗ', 1.5],
  ['Ngô', 1.5],
  ['Hồ', 1.5],
  ['Dương', 1],
  ['Lý', 1],
  ['Châu', 1],
  ['Thái', 0.5],
  ['Lâm', 0.5],
];
export const MIDDLE_NAMES = [
  'Văn',
  'Thị',
  'Minh',
  'Ngọc',
  'Thanh',
  'Hoàng',
  'Hữu',
  'Đức',
  'Kim',
  'Quốc',
];
export const GIVEN_NAMES = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hải',
  'Hạnh',
  'Hoa',
  'Hùng',
  'Hương',
  'Khang',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Ngân',
  'Nhung',
  'Phúc',
  'Phương',
  'Quang',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thu',
  'Trang',
  'Trung',
  'Tuấn',
  'Vy',
  'Yến',
];

/** Lower bounds of each bucket of a weighted choice, for width_bucket(random(), bounds). */
export function lowerBounds(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((w) => {
    const lo = acc / total;
    acc += w;
    return lo;
  });
}
