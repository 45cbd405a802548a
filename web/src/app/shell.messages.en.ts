// English twin of shell.messages.ts (same keys, checked by the type in i18n/en.ts).
import type { shellVi } from './shell.messages.ts';

export const shellEn: Record<keyof typeof shellVi, string> = {
  'shell.group.oneStop': 'One-stop shop',
  'shell.group.fieldReports': 'Field reports',
  'shell.group.plan': 'Plans and indicators',
  'shell.group.admin': 'Administration',
  'shell.nav.myWork': 'My work',
  'shell.nav.dashboard': 'Dashboard',
  'shell.nav.plans': 'Plans',
  'shell.nav.indicatorEntry': 'Enter indicator values',
  'shell.nav.tasks': 'Tasks',
  'work.title': 'My work',
  'work.intro': 'What is waiting for you, and what is due soon or overdue in your unit.',
  'work.loading': 'Loading…',
  'work.loadFailed': 'Could not load this section: {detail}',
  'work.more': 'See all',
  'work.due': 'Due: {date}',
  'work.overdueTag': 'Overdue',
  'work.dueSoonTag': 'Due soon',
  'work.queue.title': 'Dossiers waiting for me ({count})',
  'work.queue.empty':
    "No dossier is assigned to you. Your unit's new dossiers are below; a leader or the desk will assign them.",
  'work.new.title': "My unit's new dossiers ({count})",
  'work.new.empty': 'Your unit has no new dossiers waiting to be assigned.',
  'work.dueSoon.title': 'Dossiers due soon ({count})',
  'work.dueSoon.empty': 'No dossier is due soon.',
  'work.overdue.title': 'Overdue dossiers ({count})',
  'work.overdue.empty': 'No overdue dossiers. Keep it that way!',
  'work.sentBack.title': 'Dossiers sent back to me ({count})',
  'work.sentBack.empty': 'No leader has sent a dossier back to you.',
  'work.approval.title': 'Awaiting my approval ({count})',
  'work.approval.empty':
    'No dossier is awaiting approval. Dossiers a specialist has finished appear here.',
  'work.reports.title': 'Field reports assigned to me ({count})',
  'work.reports.empty':
    "No field report is assigned to you. Your unit's report queue is under Field reports.",
  'work.tasks.title': "My unit's tasks ({count})",
  'work.tasks.empty': 'Your unit has no tasks in progress.',
  'work.tasks.unavailable': 'The task list is not available on this system yet.',
  'work.tasks.deadline': 'Deadline: {date}',
  'work.tasks.regular': 'Ongoing',
};
