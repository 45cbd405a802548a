// Messages of citizen accounts (issue 4), spread into the catalogues i18n/vi.ts and i18n/en.ts.
// Vietnamese is the source; the English twin (same keys, checked by the type) is in
// `citizens.messages.en.ts`, loaded only when English is chosen (docs/benchmarks.md).

export const citizensVi = {
  'citizens.nav.myAccount': 'Tài khoản của tôi',
  'citizens.login.intro':
    'Công dân đăng nhập bằng số điện thoại hoặc e-mail đã đăng ký; cán bộ dùng tài khoản do quản trị viên cấp.',
  'citizens.login.noAccount': 'Công dân chưa có tài khoản?',
  'citizens.login.register': 'Đăng ký',
  'citizens.login.usernameHint':
    'Công dân: nhập số điện thoại hoặc e-mail đã đăng ký. Cán bộ: nhập tên đăng nhập.',

  'citizens.login.forgot': 'Quên mật khẩu?',
  'citizens.reset.title': 'Đặt lại mật khẩu',
  'citizens.reset.intro':
    'Nhập số điện thoại hoặc địa chỉ e-mail bạn đã dùng để đăng ký tài khoản công dân. Chúng tôi sẽ gửi một mã gồm 6 chữ số để bạn đặt mật khẩu mới.',
  'citizens.reset.staffNote':
    'Cán bộ, công chức quên mật khẩu: vui lòng liên hệ quản trị hệ thống của đơn vị.',
  'citizens.reset.submit': 'Gửi mã xác nhận',
  'citizens.reset.err.contact': 'Nhập số điện thoại hoặc địa chỉ e-mail đã dùng để đăng ký.',
  'citizens.reset.backToLogin': 'Quay lại trang đăng nhập',
  'citizens.reset.codeTitle': 'Nhập mã và mật khẩu mới',
  'citizens.reset.sentSms':
    'Nếu số {contact} có tài khoản công dân, chúng tôi đã gửi mã gồm 6 chữ số qua tin nhắn đến số này.',
  'citizens.reset.sentEmail':
    'Nếu địa chỉ {contact} có tài khoản công dân, chúng tôi đã gửi mã gồm 6 chữ số đến địa chỉ này.',
  'citizens.reset.newPassword': 'Mật khẩu mới',
  'citizens.reset.confirmPassword': 'Nhập lại mật khẩu mới',
  'citizens.reset.err.confirm': 'Hai mật khẩu chưa giống nhau. Hãy nhập lại cho khớp.',
  'citizens.reset.signOutNote':
    'Sau khi đặt mật khẩu mới, mọi nơi đang đăng nhập bằng mật khẩu cũ sẽ bị đăng xuất.',
  'citizens.reset.save': 'Đặt mật khẩu mới và đăng nhập',
  'citizens.reset.change': 'Dùng số điện thoại hoặc e-mail khác',
  'citizens.reset.done':
    'Đã đặt mật khẩu mới. Bạn đang đăng nhập; các nơi đăng nhập bằng mật khẩu cũ đã bị đăng xuất.',
  'citizens.register.title': 'Đăng ký tài khoản công dân',
  'citizens.register.intro':
    'Tài khoản giúp bạn theo dõi hồ sơ và quản lý dữ liệu cá nhân của mình. Chúng tôi sẽ gửi mã xác nhận gồm 6 chữ số đến số điện thoại hoặc e-mail bạn nhập.',
  'citizens.register.channel': 'Bạn muốn nhận mã xác nhận qua',
  'citizens.register.channelSms': 'Số điện thoại di động (tin nhắn SMS)',
  'citizens.register.channelEmail': 'Địa chỉ e-mail',
  'citizens.register.phone': 'Số điện thoại di động',
  'citizens.register.phoneHint': '10 chữ số, ví dụ 0912345678',
  'citizens.register.email': 'Địa chỉ e-mail',
  'citizens.register.emailHint': 'Ví dụ ten@example.vn',
  'citizens.register.fullName': 'Họ và tên',
  'citizens.register.fullNameHint': 'Như trên căn cước công dân, có dấu',
  'citizens.register.password': 'Mật khẩu',
  'citizens.register.passwordHint': 'Ít nhất 8 ký tự, gồm cả chữ và số',
  'citizens.register.acceptTerms':
    'Tôi đồng ý với điều khoản sử dụng: thông tin tôi cung cấp là đúng sự thật, và cơ quan nhà nước xử lý dữ liệu của tôi để giải quyết hồ sơ tôi nộp.',
  'citizens.register.submit': 'Gửi mã xác nhận',
  'citizens.register.haveAccount': 'Đã có tài khoản?',
  'citizens.register.login': 'Đăng nhập',
  'citizens.register.err.phone': 'Nhập số điện thoại di động gồm 10 chữ số, ví dụ 0912345678.',
  'citizens.register.err.email': 'Nhập địa chỉ e-mail đúng dạng, ví dụ ten@example.vn.',
  'citizens.register.err.fullName': 'Nhập họ và tên như trên CCCD.',
  'citizens.register.err.password': 'Mật khẩu cần ít nhất 8 ký tự, gồm cả chữ và số.',
  'citizens.register.err.terms': 'Bạn cần đồng ý với điều khoản sử dụng để đăng ký.',

  'citizens.verify.title': 'Nhập mã xác nhận',
  'citizens.verify.sentSms': 'Chúng tôi đã gửi mã gồm 6 chữ số qua tin nhắn đến số {contact}.',
  'citizens.verify.sentEmail': 'Chúng tôi đã gửi mã gồm 6 chữ số đến địa chỉ e-mail {contact}.',
  'citizens.verify.expires': 'Mã có hiệu lực đến {time}.',
  'citizens.verify.code': 'Mã xác nhận',
  'citizens.verify.codeHint': '6 chữ số',
  'citizens.verify.err.code': 'Nhập mã xác nhận gồm 6 chữ số đã được gửi cho bạn.',
  'citizens.verify.submit': 'Xác nhận và đăng nhập',
  'citizens.verify.resend': 'Gửi lại mã',
  'citizens.verify.resent': 'Đã gửi mã mới. Mã cũ không còn dùng được.',
  'citizens.verify.change': 'Đổi số điện thoại hoặc e-mail',

  'citizens.account.title': 'Tài khoản của tôi',
  'citizens.account.intro':
    'Xem và sửa thông tin cá nhân, chọn cách dữ liệu của bạn được sử dụng, xem ai đã xem dữ liệu của bạn, tải về hoặc xoá dữ liệu.',
  'citizens.account.signedInAs': 'Đăng nhập bằng: {username}',
  'citizens.account.staffOnly': 'Trang này dành cho tài khoản công dân.',

  'citizens.profile.title': 'Thông tin cá nhân',
  'citizens.profile.fullName': 'Họ và tên',
  'citizens.profile.citizenId': 'Số căn cước công dân (CCCD)',
  'citizens.profile.citizenIdHint':
    '12 chữ số. Số CCCD được mã hoá khi lưu; mỗi lần cán bộ xem đều được ghi lại và bạn xem được bên dưới.',
  'citizens.profile.dateOfBirth': 'Ngày sinh',
  'citizens.profile.dateOfBirthHint': 'Ngày/tháng/năm, ví dụ 31/05/1990',
  'citizens.profile.phone': 'Số điện thoại di động',
  'citizens.profile.email': 'E-mail',
  'citizens.profile.addressLine': 'Địa chỉ',
  'citizens.profile.addressLineHint': 'Số nhà, đường, khóm/ấp, xã/phường, tỉnh/thành phố',
  'citizens.profile.save': 'Lưu thông tin',
  'citizens.profile.saved': 'Đã lưu thông tin cá nhân.',
  'citizens.profile.err.citizenId':
    'Nhập số CCCD gồm 12 chữ số (3 số đầu là mã tỉnh nơi đăng ký khai sinh).',
  'citizens.profile.err.dateOfBirth': 'Nhập ngày sinh theo dạng ngày/tháng/năm, ví dụ 31/05/1990.',

  'citizens.consents.title': 'Sự đồng ý của tôi',
  'citizens.consents.intro':
    'Chúng tôi chỉ dùng dữ liệu của bạn cho những việc dưới đây khi bạn đánh dấu đồng ý. Không đánh dấu nghĩa là không đồng ý. Bạn có thể đổi ý bất cứ lúc nào; mọi thay đổi đều được ghi lại. Việc giải quyết hồ sơ bạn nộp không cần sự đồng ý này.',
  'citizens.consents.profile_prefill': 'Điền sẵn tờ khai từ thông tin cá nhân',
  'citizens.consents.profile_prefill.hint':
    'Khi bạn nộp hồ sơ trực tuyến, họ tên, số CCCD, ngày sinh và địa chỉ được điền sẵn.',
  'citizens.consents.data_store': 'Lưu giấy tờ để dùng lại',
  'citizens.consents.data_store.hint':
    'Giấy tờ và kết quả giải quyết được giữ trong kho dữ liệu cá nhân, lần sau không phải nộp lại.',
  'citizens.consents.email_notices': 'Nhận thông báo qua e-mail',
  'citizens.consents.email_notices.hint':
    'Thông báo về hồ sơ và dịch vụ công gửi đến e-mail của bạn.',
  'citizens.consents.sms_notices': 'Nhận tin nhắn SMS',
  'citizens.consents.sms_notices.hint':
    'Tin nhắn thông báo về hồ sơ gửi đến số điện thoại của bạn.',
  'citizens.consents.surveys': 'Tham gia khảo sát',
  'citizens.consents.surveys.hint':
    'Thỉnh thoảng mời bạn đánh giá mức độ hài lòng về dịch vụ công.',
  'citizens.consents.saved': 'Đã ghi nhận lựa chọn: {purpose} — {state}.',
  'citizens.consents.granted': 'đồng ý',
  'citizens.consents.withdrawn': 'không đồng ý',
  'citizens.consents.history': 'Lịch sử thay đổi ({n})',
  'citizens.consents.historyEmpty': 'Bạn chưa đưa ra lựa chọn nào.',
  'citizens.consents.historyCaption': 'Lịch sử các lựa chọn đồng ý',
  'citizens.consents.col.at': 'Thời điểm',
  'citizens.consents.col.purpose': 'Mục đích',
  'citizens.consents.col.choice': 'Lựa chọn',

  'citizens.access.title': 'Ai đã xem dữ liệu của tôi',
  'citizens.access.intro':
    'Mỗi lần cán bộ xem thông tin cá nhân của bạn đều phải ghi rõ mục đích và được lưu lại ở đây.',
  'citizens.access.empty': 'Chưa có cán bộ nào xem dữ liệu của bạn.',
  'citizens.access.caption': 'Các lần cán bộ xem dữ liệu cá nhân của bạn',
  'citizens.access.col.at': 'Thời điểm',
  'citizens.access.col.who': 'Cán bộ',
  'citizens.access.col.what': 'Dữ liệu',
  'citizens.access.col.purpose': 'Mục đích',
  'citizens.access.field.profile': 'Thông tin cá nhân',
  'citizens.access.field.citizen_id': 'Số CCCD',

  'citizens.export.title': 'Tải về dữ liệu của tôi',
  'citizens.export.intro':
    'Một tệp JSON gồm tài khoản, thông tin cá nhân, các lựa chọn đồng ý và lịch sử, nhật ký cán bộ xem dữ liệu.',
  'citizens.export.download': 'Tải về dữ liệu (JSON)',

  'citizens.delete.title': 'Xoá tài khoản',
  'citizens.delete.intro':
    'Thông tin cá nhân, các lựa chọn đồng ý và tài khoản sẽ bị xoá và không khôi phục được. Hồ sơ thủ tục hành chính bạn đã nộp vẫn được lưu theo Luật Lưu trữ.',
  'citizens.delete.password': 'Mật khẩu hiện tại',
  'citizens.delete.passwordHint': 'Nhập mật khẩu để xác nhận bạn muốn xoá tài khoản',
  'citizens.delete.err.password': 'Nhập mật khẩu để xác nhận.',
  'citizens.delete.submit': 'Xoá tài khoản của tôi',
  'citizens.delete.doneTitle': 'Tài khoản đã được xoá',
  'citizens.delete.deleted': 'Đã xoá',
  'citizens.delete.kept': 'Được giữ lại',
} as const;
