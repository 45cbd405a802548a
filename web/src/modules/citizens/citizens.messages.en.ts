// English messages of the citizens module, the twin of `citizens.messages.ts` (same keys, checked by
// the type). A file of its own so that Vietnamese readers never download it: only i18n/en.ts,
// which loads when English is chosen, imports it.
import type { citizensVi } from './citizens.messages.ts';

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
