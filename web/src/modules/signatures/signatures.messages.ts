// Messages of the signature-image page (mẫu chữ ký và con dấu), spread into i18n/vi.ts; English
// twin in `signatures.messages.en.ts`.

export const signaturesVi = {
  'signatures.nav': 'Mẫu chữ ký, con dấu',
  'signatures.title': 'Mẫu chữ ký và con dấu',
  'signatures.intro':
    'Hình ảnh được vẽ trên chữ ký số của văn bản (Nghị định 30/2020/NĐ-CP, Phụ lục I): hình chữ ký của người ký nằm giữa chức vụ và họ tên; hình con dấu của cơ quan trùm lên khoảng một phần ba bên trái chữ ký. Chụp hoặc quét trên nền giấy trắng: hệ thống tự làm trong suốt nền giấy và cắt sát nét.',
  'signatures.mine.title': 'Chữ ký của tôi',
  'signatures.mine.hint':
    'Chỉ bạn xem được ảnh này; người khác chỉ thấy nó trên văn bản bạn đã ký số.',
  'signatures.seal.title': 'Con dấu của {unit}',
  'signatures.seal.hint':
    'Văn thư, lãnh đạo hoặc quản trị của đơn vị thay được hình ảnh con dấu; cán bộ của đơn vị xem được.',
  'signatures.none':
    'Chưa có ảnh: chữ ký số sẽ không vẽ hình này (bản chạy thử vẽ hình minh họa thay thế).',
  'signatures.current': 'Ảnh đang dùng ({width}×{height} điểm ảnh), cập nhật {when} bởi {by}',
  'signatures.currentAlt.mine': 'Hình chữ ký của bạn đang dùng',
  'signatures.currentAlt.seal': 'Hình con dấu của {unit} đang dùng',
  'signatures.file': 'Tệp ảnh (PNG, JPEG hoặc WebP, tối đa 5 MB)',
  'signatures.upload': 'Tải ảnh lên',
  'signatures.replace': 'Thay ảnh',
  'signatures.remove': 'Xóa ảnh',
  'signatures.removeConfirm': 'Xác nhận xóa ảnh',
  'signatures.removeCancel': 'Không xóa',
  'signatures.removeQuestion':
    'Xóa ảnh này? Văn bản đã ký giữ nguyên hình đã in; văn bản ký sau sẽ không có hình này.',
  'signatures.uploaded': 'Đã lưu ảnh mới.',
  'signatures.removed': 'Đã xóa ảnh.',
  'signatures.error.required': 'Hãy chọn một tệp ảnh.',
  'signatures.error.type': 'Tệp phải là ảnh PNG, JPEG hoặc WebP.',
  'signatures.error.size': 'Tệp lớn hơn 5 MB; hãy chụp lại với độ phân giải thấp hơn.',
  'signatures.noUnits':
    'Bạn không phải văn thư, lãnh đạo hay quản trị của đơn vị nào nên không quản lý hình ảnh con dấu.',
} as const;
