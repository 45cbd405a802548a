import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/**
 * A registration waiting for its code (đăng ký chờ xác nhận): the account is created only
 * when the code sent to the phone or e-mail comes back, so an unverified contact never owns
 * an account. The password is already hashed; the code is kept as a sha256 only. The row is
 * deleted on verification, and a day after it expired when never verified.
 */
export interface CitizenRegistrationTable {
  id: Generated<string>;
  channel: 'sms' | 'email';
  /** Canonical phone `0xxxxxxxxx` or lowercased e-mail: the future username. */
  contact: string;
  password_hash: string;
  full_name: string;
  terms_version: string;
  code_hash: string;
  expires_at: Date;
  attempts: Generated<number>;
  sends: Generated<number>;
  last_sent_at: Date;
  created_at: Timestamp;
}

/**
 * A password reset waiting for its code (đặt lại mật khẩu). `user_id` is null when no citizen
 * account matched the contact: the request is stored all the same (no code is sent), so it
 * answers, resends and fails exactly like a real one and nobody learns who has an account.
 * The code is kept as a sha256 only; the row is deleted when the password is set, and a day
 * after it expired otherwise.
 */
export interface CitizenPasswordResetTable {
  id: string;
  user_id: string | null;
  channel: 'sms' | 'email';
  /** The contact as asked (canonical phone or lowercased e-mail): counted for the rate limit. */
  contact: string;
  code_hash: string;
  expires_at: Date;
  attempts: Generated<number>;
  sends: Generated<number>;
  last_sent_at: Date;
  created_at: Date;
}

/**
 * A citizen's profile (hồ sơ cá nhân). The citizen ID (CCCD) is sensitive personal data
 * (regulations.md §7): stored only encrypted (AES-256-GCM, `citizen_id_cipher` carries the
 * key id) plus a keyed hash for equality lookups.
 */
export interface CitizenProfileTable {
  user_id: string;
  full_name: string;
  citizen_id_cipher: string | null;
  citizen_id_key_id: string | null;
  citizen_id_hmac: string | null;
  date_of_birth: string | null;
  phone: string | null;
  email: string | null;
  address_line: string | null;
  address_unit_code: string | null;
  terms_version: string | null;
  terms_accepted_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The current consent per purpose (đồng ý theo mục đích); no row = not given. */
export interface CitizenConsentTable {
  user_id: string;
  purpose: string;
  granted: boolean;
  wording_version: string;
  decided_at: Date;
}

/** Every consent decision, append-only: the proof of what was agreed, when, to which text. */
export interface CitizenConsentEventTable {
  id: Generated<number>;
  user_id: string;
  purpose: string;
  granted: boolean;
  wording_version: string;
  at: Date;
  request_id: string | null;
}

/** Every read of a citizen's personal data by staff (nhật ký truy cập dữ liệu cá nhân). */
export interface PersonalDataAccessTable {
  id: Generated<number>;
  accessor_id: string | null;
  accessor_name: string;
  subject_user_id: string;
  field: string;
  purpose: string;
  at: Date;
  request_id: string | null;
}

/** Tables of the citizens module (issue 4). */
export interface CitizensTables {
  citizen_registration: CitizenRegistrationTable;
  citizen_password_reset: CitizenPasswordResetTable;
  citizen_profile: CitizenProfileTable;
  citizen_consent: CitizenConsentTable;
  citizen_consent_event: CitizenConsentEventTable;
  personal_data_access: PersonalDataAccessTable;
}
