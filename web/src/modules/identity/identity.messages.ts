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
} as const;
