// English twin of plans.messages.ts (same keys, checked by the type in i18n/en.ts).
import type { plansVi } from './plans.messages.ts';

export const plansEn: Record<keyof typeof plansVi, string> = {
  'plans.title': 'Plans',
  'plans.year': 'Year',
  'plans.yearInvalid': 'Enter a four-digit year, e.g. 2026.',
  'plans.none': 'No plan of your units for this year.',
  'plans.col.title': 'Plan',
  'plans.col.unit': 'Unit',
  'plans.col.item': 'Item',
  'plans.col.total': 'Total',
  'plans.col.central': 'Central budget',
  'plans.col.local': 'Local budget',
  'plans.col.sum': 'Total',
  'plans.targets': 'Targets',
  'plans.otherTargets': 'Other targets',
  'plans.gradesMissing':
    'The grades could not be loaded; the "Grade" column fills in once the server provides them.',
  'plans.budget': 'Budget',
  'plans.noBudget': 'The plan states no budget.',
  'plans.tasks': "The plan's tasks",
  'plans.download.json': 'Download the plan (JSON)',
  'plans.download.xlsx': 'Download the plan (XLSX)',
  'plans.import.title': 'Import a plan from a file',
  'plans.import.file': 'Plan file (JSON or XLSX)',
  'plans.import.submit': 'Import the plan',
  'plans.import.pick': 'Choose the plan file to import.',
  'plans.import.kind': 'Only .json or .xlsx files.',
};
