// Messages of citizen accounts (issue 4), spread into the catalogues i18n/vi.ts and i18n/en.ts.
// Vietnamese is the source; the English object must have exactly the same keys.

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

export const citizensEn: Record<keyof typeof citizensVi, string> = {
  'citizens.nav.myAccount': 'My account',
  'citizens.login.intro':
    'Citizens sign in with the phone number or e-mail they registered; staff use the account their administrator gave them.',
  'citizens.login.noAccount': 'A citizen without an account?',
  'citizens.login.register': 'Register',
  'citizens.login.usernameHint':
    'Citizens: enter the phone number or e-mail you registered. Staff: enter your username.',

  'citizens.login.forgot': 'Forgot your password?',
  'citizens.reset.title': 'Reset your password',
  'citizens.reset.intro':
    'Enter the phone number or e-mail address you registered your citizen account with. We will send a 6-digit code so you can set a new password.',
  'citizens.reset.staffNote': 'Staff who forgot their password: please ask your administrator.',
  'citizens.reset.submit': 'Send the code',
  'citizens.reset.err.contact': 'Enter the phone number or e-mail address you registered with.',
  'citizens.reset.backToLogin': 'Back to sign-in',
  'citizens.reset.codeTitle': 'Enter the code and a new password',
  'citizens.reset.sentSms':
    'If {contact} has a citizen account, we sent a 6-digit code to it by text message.',
  'citizens.reset.sentEmail': 'If {contact} has a citizen account, we sent a 6-digit code to it.',
  'citizens.reset.newPassword': 'New password',
  'citizens.reset.confirmPassword': 'Repeat the new password',
  'citizens.reset.err.confirm': 'The two passwords differ. Type them again so they match.',
  'citizens.reset.signOutNote':
    'Once the new password is set, every device signed in with the old one is signed out.',
  'citizens.reset.save': 'Set the new password and sign in',
  'citizens.reset.change': 'Use another phone number or e-mail',
  'citizens.reset.done':
    'Your new password is set. You are signed in; every device signed in with the old password was signed out.',
  'citizens.register.title': 'Register a citizen account',
  'citizens.register.intro':
    'An account lets you follow your dossiers and manage your personal data. We will send a 6-digit code to the phone number or e-mail address you enter.',
  'citizens.register.channel': 'Receive the code by',
  'citizens.register.channelSms': 'Mobile phone (text message)',
  'citizens.register.channelEmail': 'E-mail address',
  'citizens.register.phone': 'Mobile phone number',
  'citizens.register.phoneHint': '10 digits, e.g. 0912345678',
  'citizens.register.email': 'E-mail address',
  'citizens.register.emailHint': 'E.g. name@example.vn',
  'citizens.register.fullName': 'Full name',
  'citizens.register.fullNameHint': 'As on your citizen ID card, with diacritics',
  'citizens.register.password': 'Password',
  'citizens.register.passwordHint': 'At least 8 characters, with letters and digits',
  'citizens.register.acceptTerms':
    'I accept the terms of use: what I provide is true, and the authorities process my data to handle the dossiers I file.',
  'citizens.register.submit': 'Send the code',
  'citizens.register.haveAccount': 'Already have an account?',
  'citizens.register.login': 'Sign in',
  'citizens.register.err.phone': 'Enter a 10-digit mobile number, e.g. 0912345678.',
  'citizens.register.err.email': 'Enter a valid e-mail address, e.g. name@example.vn.',
  'citizens.register.err.fullName': 'Enter your full name as on your ID card.',
  'citizens.register.err.password':
    'The password needs at least 8 characters, with letters and digits.',
  'citizens.register.err.terms': 'You need to accept the terms of use to register.',

  'citizens.verify.title': 'Enter the code',
  'citizens.verify.sentSms': 'We sent a 6-digit code by text message to {contact}.',
  'citizens.verify.sentEmail': 'We sent a 6-digit code to {contact}.',
  'citizens.verify.expires': 'The code is valid until {time}.',
  'citizens.verify.code': 'Code',
  'citizens.verify.codeHint': '6 digits',
  'citizens.verify.err.code': 'Enter the 6-digit code we sent you.',
  'citizens.verify.submit': 'Confirm and sign in',
  'citizens.verify.resend': 'Send a new code',
  'citizens.verify.resent': 'A new code was sent. The old one no longer works.',
  'citizens.verify.change': 'Use another phone number or e-mail',

  'citizens.account.title': 'My account',
  'citizens.account.intro':
    'See and correct your personal details, choose how your data is used, see who read it, download or delete it.',
  'citizens.account.signedInAs': 'Signed in as: {username}',
  'citizens.account.staffOnly': 'This page is for citizen accounts.',

  'citizens.profile.title': 'Personal details',
  'citizens.profile.fullName': 'Full name',
  'citizens.profile.citizenId': 'Citizen ID number (CCCD)',
  'citizens.profile.citizenIdHint':
    '12 digits. It is stored encrypted; every time staff read it is recorded and shown below.',
  'citizens.profile.dateOfBirth': 'Date of birth',
  'citizens.profile.dateOfBirthHint': 'Day/month/year, e.g. 31/05/1990',
  'citizens.profile.phone': 'Mobile phone number',
  'citizens.profile.email': 'E-mail',
  'citizens.profile.addressLine': 'Address',
  'citizens.profile.addressLineHint': 'Number, street, hamlet, commune/ward, province/city',
  'citizens.profile.save': 'Save details',
  'citizens.profile.saved': 'Your personal details were saved.',
  'citizens.profile.err.citizenId':
    'Enter the 12-digit citizen ID (the first 3 digits are the province of birth registration).',
  'citizens.profile.err.dateOfBirth': 'Enter the date of birth as day/month/year, e.g. 31/05/1990.',

  'citizens.consents.title': 'My consents',
  'citizens.consents.intro':
    'We use your data for the purposes below only when you tick them. Not ticked means no. You can change your mind at any time; every change is recorded. Handling the dossiers you file does not need this consent.',
  'citizens.consents.profile_prefill': 'Fill in forms from my details',
  'citizens.consents.profile_prefill.hint':
    'When you file online, your name, citizen ID, date of birth and address are filled in for you.',
  'citizens.consents.data_store': 'Keep my documents for reuse',
  'citizens.consents.data_store.hint':
    'Documents and results are kept in your personal data store, so you need not submit them again.',
  'citizens.consents.email_notices': 'Notices by e-mail',
  'citizens.consents.email_notices.hint':
    'Notices about dossiers and public services to your e-mail.',
  'citizens.consents.sms_notices': 'Text messages',
  'citizens.consents.sms_notices.hint': 'Text messages about your dossiers to your phone.',
  'citizens.consents.surveys': 'Surveys',
  'citizens.consents.surveys.hint': 'Occasional invitations to rate public services.',
  'citizens.consents.saved': 'Choice recorded: {purpose} — {state}.',
  'citizens.consents.granted': 'yes',
  'citizens.consents.withdrawn': 'no',
  'citizens.consents.history': 'History of changes ({n})',
  'citizens.consents.historyEmpty': 'You have made no choice yet.',
  'citizens.consents.historyCaption': 'History of consent choices',
  'citizens.consents.col.at': 'When',
  'citizens.consents.col.purpose': 'Purpose',
  'citizens.consents.col.choice': 'Choice',

  'citizens.access.title': 'Who read my data',
  'citizens.access.intro':
    'Every time staff read your personal details they must state why, and it is recorded here.',
  'citizens.access.empty': 'No staff member has read your data.',
  'citizens.access.caption': 'Reads of your personal data by staff',
  'citizens.access.col.at': 'When',
  'citizens.access.col.who': 'Staff member',
  'citizens.access.col.what': 'Data',
  'citizens.access.col.purpose': 'Purpose',
  'citizens.access.field.profile': 'Personal details',
  'citizens.access.field.citizen_id': 'Citizen ID number',

  'citizens.export.title': 'Download my data',
  'citizens.export.intro':
    'A JSON file with your account, personal details, consents and their history, and the log of staff reads.',
  'citizens.export.download': 'Download my data (JSON)',

  'citizens.delete.title': 'Delete my account',
  'citizens.delete.intro':
    'Your personal details, consents and account will be deleted for good. Dossiers you filed are administrative records and are kept under the archives law.',
  'citizens.delete.password': 'Current password',
  'citizens.delete.passwordHint': 'Enter your password to confirm you want to delete the account',
  'citizens.delete.err.password': 'Enter your password to confirm.',
  'citizens.delete.submit': 'Delete my account',
  'citizens.delete.doneTitle': 'Your account was deleted',
  'citizens.delete.deleted': 'Deleted',
  'citizens.delete.kept': 'Kept',
};
