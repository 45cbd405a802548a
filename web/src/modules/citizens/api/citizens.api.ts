// Calls of the citizens module (docs/architecture.md, "Citizen accounts").
import { apiRequest, type Page } from '../../../api/client.ts';
import type { Session } from '../../identity/index.ts';

export interface Registration {
  id: string;
  channel: 'sms' | 'email';
  expiresAt: string;
}

export interface RegistrationInput {
  phone?: string;
  email?: string;
  password: string;
  fullName: string;
  acceptTerms: boolean;
}

export interface Profile {
  fullName: string;
  citizenId: string | null;
  dateOfBirth: string | null;
  phone: string | null;
  email: string | null;
  address: { line: string; unitCode: string | null } | null;
  updatedAt: string | null;
}

export type ProfileInput = Omit<Profile, 'updatedAt' | 'address'> & {
  address: { line: string; unitCode?: string | null } | null;
};

export const CONSENT_PURPOSES = [
  'profile_prefill',
  'data_store',
  'email_notices',
  'sms_notices',
  'surveys',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface ConsentState {
  purpose: ConsentPurpose;
  granted: boolean;
  wordingVersion: string;
  wording: string;
  decidedAt: string | null;
}

export interface Consents {
  items: ConsentState[];
  history: { purpose: ConsentPurpose; granted: boolean; wordingVersion: string; at: string }[];
}

export interface AccessEntry {
  id: number;
  at: string;
  accessorName: string;
  accessorUsername: string;
  field: string;
  purpose: string;
}

export interface DeletionResult {
  deleted: { what: string; description: string }[];
  kept: { what: string; reason: string }[];
}

const base = '/api/v1/citizens';

export const register = (input: RegistrationInput) =>
  apiRequest<Registration>(`${base}/registrations`, { method: 'POST', json: input });
export const resendCode = (id: string) =>
  apiRequest<Registration>(`${base}/registrations/${id}/resend`, { method: 'POST' });
export const verifyCode = (id: string, code: string) =>
  apiRequest<Session>(`${base}/registrations/${id}/verify`, { method: 'POST', json: { code } });

/** A password reset looks the same whether or not the contact has an account. */
export type PasswordReset = Registration;

export const requestPasswordReset = (contact: { phone: string } | { email: string }) =>
  apiRequest<PasswordReset>(`${base}/password-resets`, { method: 'POST', json: contact });
export const resendResetCode = (id: string) =>
  apiRequest<PasswordReset>(`${base}/password-resets/${id}/resend`, { method: 'POST' });
export const resetPassword = (id: string, code: string, newPassword: string) =>
  apiRequest<Session>(`${base}/password-resets/${id}/verify`, {
    method: 'POST',
    json: { code, newPassword },
  });

export const fetchProfile = (signal?: AbortSignal) =>
  apiRequest<Profile>(`${base}/me/profile`, { signal });
export const saveProfile = (input: ProfileInput) =>
  apiRequest<Profile>(`${base}/me/profile`, { method: 'PUT', json: input });

export const fetchConsents = (signal?: AbortSignal) =>
  apiRequest<Consents>(`${base}/me/consents`, { signal });
export const setConsent = (purpose: ConsentPurpose, granted: boolean) =>
  apiRequest<ConsentState>(`${base}/me/consents/${purpose}`, { method: 'PUT', json: { granted } });

export const fetchAccessLog = (cursor?: string | null, signal?: AbortSignal) =>
  apiRequest<Page<AccessEntry>>(`${base}/me/access-log`, {
    query: { cursor, limit: 50 },
    signal,
  });

/** The download link of "my data" (a plain GET with the session cookie). */
export const EXPORT_URL = `${base}/me/export`;

export const deleteAccount = (password: string) =>
  apiRequest<DeletionResult>(`${base}/me/deletion`, { method: 'POST', json: { password } });
