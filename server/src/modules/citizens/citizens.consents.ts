// Consent per purpose (đồng ý theo từng mục đích), regulations.md §7: silence is not consent,
// so a purpose without a recorded "yes" is refused; processing the state does for its own
// duties (handling a dossier the citizen filed) needs no consent and is not listed here.

/** The purposes a citizen can agree to, each with the wording shown when deciding. */
export const CONSENT_PURPOSES = {
  profile_prefill: {
    version: '2026-11-v1',
    text: 'Dùng thông tin trong hồ sơ cá nhân của tôi để điền sẵn các tờ khai khi nộp hồ sơ trực tuyến.',
  },
  data_store: {
    version: '2026-11-v1',
    text: 'Lưu giấy tờ, kết quả giải quyết của tôi trong kho dữ liệu cá nhân để dùng lại cho lần nộp sau.',
  },
  email_notices: {
    version: '2026-11-v1',
    text: 'Gửi thông báo về hồ sơ và dịch vụ công đến địa chỉ e-mail của tôi.',
  },
  sms_notices: {
    version: '2026-11-v1',
    text: 'Gửi tin nhắn SMS thông báo về hồ sơ và dịch vụ công đến số điện thoại của tôi.',
  },
  surveys: {
    version: '2026-11-v1',
    text: 'Mời tôi tham gia khảo sát mức độ hài lòng về dịch vụ công.',
  },
} as const;

export type ConsentPurpose = keyof typeof CONSENT_PURPOSES;
export const CONSENT_PURPOSE_KEYS = Object.keys(CONSENT_PURPOSES) as [
  ConsentPurpose,
  ...ConsentPurpose[],
];

/** The version of the terms of use accepted at registration. */
export const TERMS_VERSION = '2026-11-v1';
