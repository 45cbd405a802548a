// Messages of the plans pages (kế hoạch, issue 12), spread into i18n/vi.ts; English twin in
// `plans.messages.en.ts`.

export const plansVi = {
  'plans.title': 'Kế hoạch',
  'plans.year': 'Năm',
  'plans.yearInvalid': 'Nhập năm gồm 4 chữ số, ví dụ 2026.',
  'plans.none': 'Chưa có kế hoạch nào của đơn vị trong năm này.',
  'plans.col.title': 'Tên kế hoạch',
  'plans.col.unit': 'Đơn vị',
  'plans.col.item': 'Nội dung',
  'plans.col.total': 'Tổng kinh phí',
  'plans.col.central': 'Ngân sách trung ương',
  'plans.col.local': 'Ngân sách địa phương',
  'plans.col.sum': 'Tổng cộng',
  'plans.targets': 'Chỉ tiêu',
  'plans.otherTargets': 'Chỉ tiêu khác',
  'plans.gradesMissing':
    'Chưa lấy được kết quả đánh giá chỉ tiêu; cột "Đánh giá" sẽ có khi máy chủ cung cấp.',
  'plans.budget': 'Kinh phí thực hiện',
  'plans.noBudget': 'Kế hoạch không ghi kinh phí.',
  'plans.tasks': 'Nhiệm vụ của kế hoạch',
  'plans.download.json': 'Tải kế hoạch (JSON)',
  'plans.download.xlsx': 'Tải kế hoạch (XLSX)',
  'plans.import.title': 'Nhập kế hoạch từ tệp',
  'plans.import.file': 'Tệp kế hoạch (JSON hoặc XLSX)',
  'plans.import.submit': 'Nhập kế hoạch',
  'plans.import.pick': 'Chọn tệp kế hoạch cần nhập.',
  'plans.import.kind': 'Chỉ nhận tệp .json hoặc .xlsx.',
} as const;
