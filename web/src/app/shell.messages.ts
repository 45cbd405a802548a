// Messages of the app shell's areas and the home pages (issue 12 deliver 6), spread into
// i18n/vi.ts. Vietnamese is the source; the English twin is in `shell.messages.en.ts`.

export const shellVi = {
  'shell.group.oneStop': 'Một cửa',
  'shell.group.fieldReports': 'Phản ánh hiện trường',
  'shell.group.plan': 'Kế hoạch và chỉ số',
  'shell.group.admin': 'Quản trị',
  'shell.nav.myWork': 'Việc của tôi',
  'shell.nav.dashboard': 'Bảng điều hành',
  'shell.nav.plans': 'Kế hoạch',
  'shell.nav.indicatorEntry': 'Nhập số liệu chỉ tiêu',
  'shell.nav.tasks': 'Nhiệm vụ',
  // "My work" (việc của tôi)
  'work.title': 'Việc của tôi',
  'work.intro': 'Những việc đang chờ bạn, việc sắp đến hạn và quá hạn ở đơn vị của bạn.',
  'work.loading': 'Đang tải…',
  'work.loadFailed': 'Chưa tải được mục này: {detail}',
  'work.more': 'Xem tất cả',
  'work.due': 'Hạn: {date}',
  'work.overdueTag': 'Quá hạn',
  'work.dueSoonTag': 'Sắp đến hạn',
  'work.queue.title': 'Hồ sơ đang chờ tôi ({count})',
  'work.queue.empty':
    'Không có hồ sơ nào được giao cho bạn. Hồ sơ mới của đơn vị ở mục dưới; lãnh đạo hoặc bộ phận một cửa sẽ phân công.',
  'work.new.title': 'Hồ sơ mới của đơn vị ({count})',
  'work.new.empty': 'Đơn vị không có hồ sơ mới chờ phân công.',
  'work.dueSoon.title': 'Hồ sơ sắp đến hạn ({count})',
  'work.dueSoon.empty': 'Không có hồ sơ nào sắp đến hạn.',
  'work.overdue.title': 'Hồ sơ quá hạn ({count})',
  'work.overdue.empty': 'Không có hồ sơ quá hạn. Hãy giữ như vậy!',
  'work.sentBack.title': 'Hồ sơ bị trả lại để xử lý lại ({count})',
  'work.sentBack.empty': 'Không có hồ sơ nào bị lãnh đạo trả lại cho bạn.',
  'work.approval.title': 'Chờ tôi phê duyệt ({count})',
  'work.approval.empty':
    'Không có hồ sơ nào chờ phê duyệt. Hồ sơ chuyên viên xử lý xong sẽ hiện ở đây.',
  'work.reports.title': 'Phản ánh được giao cho tôi ({count})',
  'work.reports.empty':
    'Không có phản ánh nào đang giao cho bạn. Hàng chờ phản ánh của đơn vị ở mục Phản ánh hiện trường.',
  'work.tasks.title': 'Nhiệm vụ của đơn vị ({count})',
  'work.tasks.empty': 'Đơn vị chưa có nhiệm vụ nào đang thực hiện.',
  'work.tasks.unavailable': 'Danh sách nhiệm vụ chưa sẵn sàng trên hệ thống này.',
  'work.tasks.deadline': 'Hạn: {date}',
  'work.tasks.regular': 'Thường xuyên',
} as const;
