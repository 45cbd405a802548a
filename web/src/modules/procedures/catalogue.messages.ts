// Messages of the public procedure catalogue (issue 4), spread into the catalogues i18n/vi.ts and i18n/en.ts.
// Vietnamese is the source; the English twin (same keys, checked by the type) is in
// `catalogue.messages.en.ts`, loaded only when English is chosen (docs/benchmarks.md).

export const catalogueVi = {
  'catalogue.nav': 'Tra cứu thủ tục',
  'catalogue.title': 'Tra cứu thủ tục hành chính',
  'catalogue.intro':
    'Tìm thủ tục theo tên, có dấu hoặc không dấu, ví dụ "ket hon" hoặc "sổ đỏ". Xem hồ sơ cần chuẩn bị, thời hạn, phí và nộp trực tuyến nếu thủ tục có dịch vụ công trực tuyến.',
  'catalogue.search': 'Tìm thủ tục',
  'catalogue.searchHint': 'Gõ tên thủ tục hoặc mã thủ tục, ví dụ: đăng ký kết hôn, 1.000894',
  'catalogue.searchButton': 'Tìm kiếm',
  'catalogue.filters': 'Lọc danh mục thủ tục',
  'catalogue.filtersToggle': 'Lọc theo lĩnh vực, cơ quan, cấp, mức độ',
  'catalogue.field': 'Lĩnh vực',
  'catalogue.agency': 'Cơ quan thực hiện',
  'catalogue.level': 'Cấp thực hiện',
  'catalogue.onlineLevel': 'Mức độ dịch vụ công trực tuyến',
  'catalogue.all': 'Tất cả',
  'catalogue.clear': 'Xóa bộ lọc',
  'catalogue.results': 'Kết quả',
  'catalogue.count': 'Tìm thấy {count} thủ tục',
  'catalogue.countFor': 'Tìm thấy {count} thủ tục cho "{q}"',
  'catalogue.none':
    'Không tìm thấy thủ tục phù hợp. Hãy thử từ khóa ngắn hơn, bỏ bớt bộ lọc, hoặc gõ tên thường dùng (ví dụ "sổ đỏ", "giấy khai sinh").',
  'catalogue.showing': 'Đang hiển thị {shown}/{total} thủ tục',
  'catalogue.loadMore': 'Xem thêm thủ tục',
  'catalogue.online': 'Nộp trực tuyến',
  'catalogue.time': 'Thời hạn',
  'catalogue.fees': 'Phí, lệ phí',
  'catalogue.free': 'Không mất phí',
  'catalogue.feeRange': 'Từ {min} đến {max}',
  'catalogue.code': 'Mã thủ tục',
  'catalogue.back': 'Quay lại danh mục thủ tục',
  'catalogue.submitOnline': 'Nộp trực tuyến',
  'catalogue.submitOnlineHint':
    'Khai và nộp hồ sơ qua mạng, theo dõi tiến độ và nhận thông báo khi có kết quả.',
  'catalogue.submitPartialHint':
    'Nộp hồ sơ qua mạng; bạn vẫn cần đến cơ quan để đối chiếu giấy tờ hoặc nhận kết quả.',
  'catalogue.infoOnly':
    'Thủ tục này chưa có dịch vụ nộp trực tuyến: nộp trực tiếp tại Bộ phận Một cửa hoặc qua bưu chính.',
  'catalogue.summary': 'Thông tin chung',
  'catalogue.steps': 'Trình tự thực hiện',
  'catalogue.stepDuration': 'Thời gian: {duration}',
  'catalogue.methods': 'Cách thức thực hiện',
  'catalogue.method.direct': 'Trực tiếp tại Bộ phận Một cửa (Bộ phận tiếp nhận và trả kết quả)',
  'catalogue.method.online': 'Trực tuyến qua Cổng dịch vụ công',
  'catalogue.method.postal':
    'Qua dịch vụ bưu chính công ích, trừ trường hợp pháp luật quy định phải có mặt trực tiếp',
  'catalogue.components': 'Thành phần hồ sơ',
  'catalogue.componentRequired': 'Bắt buộc',
  'catalogue.componentOptional': 'Nếu có',
  'catalogue.downloadForm': 'Tải mẫu để in (PDF)',
  'catalogue.attachmentHint':
    'Tệp đính kèm khi nộp trực tuyến: tối đa {files} tệp, mỗi tệp {size} MB',
  'catalogue.processingTime': 'Thời hạn giải quyết',
  'catalogue.result': 'Kết quả thực hiện',
  'catalogue.legalBasis': 'Căn cứ pháp lý',
  'catalogue.feeNone': 'Không quy định phí, lệ phí.',
  'catalogue.updatedAt': 'Cập nhật ngày {date}',
  'catalogue.notFound': 'Không tìm thấy thủ tục này, hoặc thủ tục đã bãi bỏ.',
  'catalogue.synonyms.title': 'Từ đồng nghĩa khi tìm thủ tục',
  'catalogue.synonyms.intro':
    'Người dân hay gọi thủ tục bằng tên thường dùng ("sổ đỏ", "đăng ký cưới"). Mỗi dòng là một nhóm từ cùng nghĩa: tìm một từ trong nhóm cũng tìm các từ còn lại.',
  'catalogue.synonyms.field': 'Các nhóm từ đồng nghĩa',
  'catalogue.synonyms.hint':
    'Mỗi dòng một nhóm, các từ cách nhau bằng dấu phẩy, ví dụ: sổ đỏ, sổ hồng, giấy chứng nhận quyền sử dụng đất. Mỗi từ chỉ xuất hiện một lần trong cả danh sách.',
  'catalogue.synonyms.save': 'Lưu danh sách',
  'catalogue.synonyms.saved': 'Đã lưu danh sách từ đồng nghĩa. Tìm kiếm dùng danh sách mới ngay.',
  'catalogue.synonyms.fix': 'Sửa các dòng được nêu ở trên rồi lưu lại.',
  'catalogue.synonyms.line': 'Dòng {line}: {message}',
} as const;
