// English messages of the catalogue module, the twin of `catalogue.messages.ts` (same keys, checked by
// the type). A file of its own so that Vietnamese readers never download it: only i18n/en.ts,
// which loads when English is chosen, imports it.
import type { catalogueVi } from './catalogue.messages.ts';

export const catalogueEn: Record<keyof typeof catalogueVi, string> = {
  'catalogue.nav': 'Find a procedure',
  'catalogue.title': 'Find an administrative procedure',
  'catalogue.intro':
    'Search by name, with or without Vietnamese accents, e.g. "ket hon" or "sổ đỏ". See the documents to prepare, time limits and fees, and apply online where the procedure has an online service.',
  'catalogue.search': 'Find a procedure',
  'catalogue.searchHint': 'Type a procedure name or code, e.g. đăng ký kết hôn, 1.000894',
  'catalogue.searchButton': 'Search',
  'catalogue.filters': 'Filter the procedure catalogue',
  'catalogue.filtersToggle': 'Filter by field, agency, level, online level',
  'catalogue.field': 'Field',
  'catalogue.agency': 'Implementing agency',
  'catalogue.level': 'Level',
  'catalogue.onlineLevel': 'Online service level',
  'catalogue.all': 'All',
  'catalogue.clear': 'Clear filters',
  'catalogue.results': 'Results',
  'catalogue.count': '{count} procedures found',
  'catalogue.countFor': '{count} procedures found for "{q}"',
  'catalogue.none':
    'No matching procedure. Try fewer words, remove some filters, or the everyday name (e.g. "sổ đỏ", "giấy khai sinh").',
  'catalogue.showing': 'Showing {shown} of {total} procedures',
  'catalogue.loadMore': 'Show more procedures',
  'catalogue.online': 'Apply online',
  'catalogue.time': 'Time limit',
  'catalogue.fees': 'Fees',
  'catalogue.free': 'Free of charge',
  'catalogue.feeRange': 'From {min} to {max}',
  'catalogue.code': 'Procedure code',
  'catalogue.back': 'Back to the procedure catalogue',
  'catalogue.submitOnline': 'Apply online',
  'catalogue.submitOnlineHint':
    'Fill in and submit the application online, follow its progress and be notified of the result.',
  'catalogue.submitPartialHint':
    'Submit online; you still need to visit the office to show originals or collect the result.',
  'catalogue.infoOnly':
    'This procedure has no online application yet: apply at the one-stop desk or by post.',
  'catalogue.summary': 'Overview',
  'catalogue.steps': 'Sequence of steps',
  'catalogue.stepDuration': 'Time: {duration}',
  'catalogue.methods': 'How to apply',
  'catalogue.method.direct': 'In person at the one-stop desk',
  'catalogue.method.online': 'Online through the public service portal',
  'catalogue.method.postal':
    'By public postal service, unless the law requires you to appear in person',
  'catalogue.components': 'Documents to submit',
  'catalogue.componentRequired': 'Required',
  'catalogue.componentOptional': 'If applicable',
  'catalogue.downloadForm': 'Download the form to print (PDF)',
  'catalogue.attachmentHint': 'Files when applying online: up to {files} files, {size} MB each',
  'catalogue.processingTime': 'Processing time',
  'catalogue.result': 'Result',
  'catalogue.legalBasis': 'Legal basis',
  'catalogue.feeNone': 'No fees.',
  'catalogue.updatedAt': 'Updated {date}',
  'catalogue.notFound': 'This procedure does not exist or has been abolished.',
  'catalogue.synonyms.title': 'Search synonyms for procedures',
  'catalogue.synonyms.intro':
    'People call procedures by everyday names ("sổ đỏ", "đăng ký cưới"). Each line is a group of interchangeable terms: searching for one also finds the others.',
  'catalogue.synonyms.field': 'Synonym groups',
  'catalogue.synonyms.hint':
    'One group per line, terms separated by commas, e.g.: sổ đỏ, sổ hồng, giấy chứng nhận quyền sử dụng đất. A term may appear only once in the whole list.',
  'catalogue.synonyms.save': 'Save the list',
  'catalogue.synonyms.saved': 'The synonym list is saved. Search uses it at once.',
  'catalogue.synonyms.fix': 'Fix the lines listed above, then save again.',
  'catalogue.synonyms.line': 'Line {line}: {message}',
};
