// Messages of the field reports module added since issue 11, spread into i18n/vi.ts (the older
// reports.* keys still live there). Vietnamese is the source; the English twin is in
// `reports.messages.en.ts`.

export const reportsVi = {
  'reports.geo.insecure':
    'Trên kết nối không bảo mật (http), trình duyệt không cho trang web lấy vị trí của thiết bị. Hãy bấm vào bản đồ để chọn vị trí, hoặc chọn xã, phường và nhập địa chỉ bên dưới.',
  'reports.created.copyFailed':
    'Không sao chép được; hãy chọn liên kết trong ô trên rồi sao chép thủ công.',
} as const;
