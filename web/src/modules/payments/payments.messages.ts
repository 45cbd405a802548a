// Messages of fees and payments (issue 4), spread into the catalogues i18n/vi.ts and i18n/en.ts.
// Vietnamese is the source; the English twin (same keys, checked by the type) is in
// `payments.messages.en.ts`, loaded only when English is chosen (docs/benchmarks.md).

export const paymentsVi = {
  // Citizen panel (under the tracking timeline)
  'payments.panel.title': 'Phí, lệ phí',
  'payments.panel.loading': 'Đang tải thông tin phí, lệ phí…',
  'payments.panel.amount': 'Số tiền phải nộp',
  'payments.panel.amountPaid': 'Số tiền đã nộp',
  'payments.panel.paid': 'Đã thanh toán',
  'payments.panel.paidOnline': 'thanh toán trực tuyến',
  'payments.panel.notPayable': 'Hồ sơ đã bị từ chối, rút hoặc dừng xử lý nên không phải nộp phí.',
  'payments.panel.noAccount':
    'Đơn vị chưa công bố tài khoản nhận phí. Ông/Bà vui lòng nộp phí tại bộ phận Một cửa.',
  'payments.panel.howTo':
    'Quét mã VietQR bằng ứng dụng ngân hàng bất kỳ: số tiền và nội dung chuyển khoản được điền sẵn. Hoặc chuyển khoản theo thông tin bên dưới.',
  'payments.panel.afterTransfer':
    'Sau khi nhận được tiền, đơn vị xác nhận và cấp biên lai điện tử; biên lai hiện ở đây. Xin giữ nguyên nội dung chuyển khoản để đối chiếu.',
  'payments.qr.alt':
    'Mã VietQR chuyển khoản {amount} đến tài khoản {account} tại {bank}, nội dung {reference}',
  'payments.qr.caption': 'Mã VietQR (NAPAS 247)',
  'payments.bank.title': 'Thông tin chuyển khoản',
  'payments.bank.name': 'Ngân hàng',
  'payments.bank.account': 'Số tài khoản',
  'payments.bank.holder': 'Chủ tài khoản',
  'payments.bank.amount': 'Số tiền (đồng)',
  'payments.bank.reference': 'Nội dung chuyển khoản',
  'payments.copy.action': 'Sao chép',
  'payments.copy.done': 'Đã sao chép',
  'payments.copy.label': 'Sao chép {what}',
  'payments.copy.announced': 'Đã sao chép {what}.',
  'payments.copy.failed': 'Không sao chép được {what}; hãy chọn rồi sao chép thủ công.',
  'payments.fees.caption': 'Các khoản phí, lệ phí',
  'payments.fees.item': 'Khoản thu',
  'payments.fees.amount': 'Số tiền',
  'payments.fees.total': 'Tổng cộng',
  'payments.receipt.link': 'Biên lai điện tử số {number} (PDF)',

  // Staff dossier page
  'payments.desk.title': 'Phí, lệ phí',
  'payments.desk.noFee': 'Thủ tục không thu phí, lệ phí.',
  'payments.desk.due': 'Phải nộp',
  'payments.desk.unpaid': 'Chưa nộp',
  'payments.desk.paidOnline': 'Đã nộp (trực tuyến)',
  'payments.desk.paidAtDesk': 'Đã nộp tại quầy',
  'payments.desk.online': 'trực tuyến',
  'payments.desk.unmatched': 'cần đối chiếu',
  'payments.desk.reference': 'Nội dung chuyển khoản của hồ sơ',
  'payments.method.cash': 'Tiền mặt',
  'payments.method.bank_transfer': 'Chuyển khoản ngân hàng',
  'payments.method.card': 'Thẻ thanh toán',
  'payments.method.gateway': 'Cổng thanh toán trực tuyến',
  'payments.confirm.open': 'Xác nhận đã thu phí',
  'payments.confirm.title': 'Xác nhận đã thu phí',
  'payments.confirm.method': 'Hình thức nộp',
  'payments.confirm.amount': 'Số tiền (đồng)',
  'payments.confirm.amountHint': 'Đúng số phải nộp: {amount}.',
  'payments.confirm.amountInvalid': 'Nhập số tiền là số nguyên dương, đơn vị đồng.',
  'payments.confirm.reference': 'Số tham chiếu (không bắt buộc)',
  'payments.confirm.referenceHint': 'Ví dụ mã giao dịch trên sao kê ngân hàng hoặc số hoá đơn thẻ.',
  'payments.confirm.submit': 'Xác nhận và cấp biên lai',
  'payments.confirm.done': 'Đã xác nhận thu phí, cấp biên lai số {number}.',
  'payments.desk.reconcileLink': 'Các khoản chuyển khoản cần đối chiếu',

  // Staff page /ho-so/thu-phi
  'payments.page.title': 'Thu phí, lệ phí',
  'payments.unmatched.title': 'Khoản thanh toán cần đối chiếu',
  'payments.unmatched.intro':
    'Cổng thanh toán đã báo nhận các khoản này nhưng chưa khớp với hồ sơ nào. Liên hệ người nộp để xác nhận hoặc hoàn tiền.',
  'payments.unmatched.empty': 'Không có khoản nào cần đối chiếu.',
  'payments.unmatched.paidAt': 'Thời điểm',
  'payments.unmatched.reason': 'Lý do',
  'payments.unmatched.transaction': 'Mã giao dịch',
  'payments.unmatched.no_dossier': 'Nội dung không có mã hồ sơ',
  'payments.unmatched.wrong_amount': 'Sai số tiền',
  'payments.unmatched.already_paid': 'Hồ sơ đã nộp phí',
  'payments.unmatched.not_payable': 'Hồ sơ không thu phí hoặc đã dừng',
  'payments.account.title': 'Tài khoản nhận phí, lệ phí',
  'payments.account.unit': 'Mã đơn vị',
  'payments.account.unitHint':
    'Đơn vị cấp dưới chưa có tài khoản riêng dùng tài khoản của đơn vị cấp trên gần nhất.',
  'payments.account.show': 'Xem tài khoản',
  'payments.account.current': 'Đơn vị đang nhận phí vào tài khoản {number} ({holder}) tại {bank}.',
  'payments.account.inherited':
    'Đơn vị chưa có tài khoản riêng; phí được nộp vào tài khoản {number} ({holder}) tại {bank} của đơn vị {unit}.',
  'payments.account.none': 'Đơn vị và các đơn vị cấp trên chưa có tài khoản nhận phí.',
  'payments.account.chooseBank': 'Chọn ngân hàng',
  'payments.account.holderHint':
    'Viết như trên sổ tài khoản, không dấu, ví dụ UBND PHUONG MY BINH.',
  'payments.account.bankRequired': 'Chọn ngân hàng.',
  'payments.account.numberRequired': 'Nhập số tài khoản.',
  'payments.account.nameRequired': 'Nhập tên chủ tài khoản.',
  'payments.account.save': 'Lưu tài khoản',
  'payments.account.saved': 'Đã lưu tài khoản nhận phí.',
} as const;
