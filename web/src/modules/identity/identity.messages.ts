// Messages of the identity module added since issue 11 (who may open what), spread into
// i18n/vi.ts. Vietnamese is the source; the English twin is in `identity.messages.en.ts`.

export const identityVi = {
  'access.denied.title': 'Bạn không có quyền mở trang này',
  'access.denied.system':
    'Trang này dành cho quản trị hệ thống. Nếu công việc của bạn cần đến nó, hãy liên hệ quản trị hệ thống để được cấp quyền.',
  'access.denied.unit':
    'Trang này dành cho quản trị đơn vị. Nếu công việc của bạn cần đến nó, hãy liên hệ quản trị hệ thống để được cấp quyền.',
  'access.denied.server': 'Máy chủ trả lời: {detail}',
  'access.home': 'Về trang chủ',
  'access.parentRequired':
    'Chọn đơn vị cấp trên trong phạm vi bạn quản trị; chỉ quản trị hệ thống mới tạo được đơn vị cấp cao nhất.',
  // The staff picker (chọn cán bộ) of "assign to".
  'staff.assignee': 'Người xử lý',
  'staff.assigneeHint': 'Chuyên viên hoặc lãnh đạo của đơn vị xử lý (hoặc cấp trên).',
  'staff.forwardUser': 'Người nhận',
  'staff.forwardNone': 'Không chọn — lãnh đạo đơn vị nhận sẽ phân công',
  'staff.notVisible':
    'Bạn không xem được danh sách cán bộ của đơn vị này; để trống để lãnh đạo đơn vị đó phân công.',
  'staff.loadFailed': 'Chưa tải được danh sách cán bộ; hãy thử lại.',
  'staff.none': 'Đơn vị chưa có cán bộ nào nhận được việc này.',
} as const;
