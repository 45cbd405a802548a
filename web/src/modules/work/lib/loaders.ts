// One loader per "my work" section: it reads the lists (and details where needed) and
// returns rows to show, the heading's count and where "see all" goes.
import type { DossierCounts, DossierPage } from '../../dossiers/api/dossier.types.ts';
import type { User } from '../../identity/api/identity.types.ts';
import {
  type DossierSummary,
  dossierDetail,
  dossierPage,
  keepByDetail,
  myTasks,
  reportDetail,
  reportPage,
} from '../api/work.api.ts';
import type { WorkSectionKey } from './sections.ts';

/** A row of a section: a record with a link. */
export interface WorkRow {
  key: string;
  href: string;
  title: string;
  /** The record's own words (procedure, applicant, category…). */
  detail: string;
  due: string | null;
  tag: 'overdue' | 'dueSoon' | null;
}

/** What a section shows; `rows` null = the source does not exist on this server. */
export interface WorkSectionData {
  rows: WorkRow[] | null;
  count: number;
  more: string | null;
}

const dossierRow = (d: DossierSummary): WorkRow => ({
  key: d.id,
  href: `/ho-so/${encodeURIComponent(d.id)}`,
  title: d.code,
  detail: [d.procedure.name, d.applicantName].filter(Boolean).join(' — '),
  due: d.dueAt,
  tag: d.overdue ? 'overdue' : d.dueSoon ? 'dueSoon' : null,
});

/** The count over the whole filter (the list's `counts`), else what the page holds. */
const total = (page: DossierPage, pick?: (c: DossierCounts) => number): number => {
  const c = page.counts;
  if (!c) return page.items.length;
  return pick ? pick(c) : Object.values(c.byStatus).reduce((a, n) => a + (n ?? 0), 0);
};

const SHOWN = 10;
const listed = (rows: WorkRow[], count: number, more: string | null): WorkSectionData => ({
  rows: rows.slice(0, SHOWN),
  count,
  more,
});

/** Loads `key` for `user`. */
export async function loadSection(
  key: WorkSectionKey,
  user: User,
  signal: AbortSignal,
): Promise<WorkSectionData> {
  switch (key) {
    case 'queue': {
      const page = await dossierPage({ assignedToMe: 'true' }, signal);
      return listed(page.items.map(dossierRow), total(page), '/ho-so');
    }
    case 'new': {
      const page = await dossierPage({ status: 'received' }, signal);
      return listed(page.items.map(dossierRow), total(page), '/ho-so');
    }
    case 'overdue': {
      const page = await dossierPage({ overdue: 'true' }, signal);
      return listed(
        page.items.map(dossierRow),
        total(page, (c) => c.overdue),
        '/ho-so',
      );
    }
    case 'dueSoon': {
      // Sorted by due date, not overdue: the due-soon ones come first.
      const page = await dossierPage({ overdue: 'false', limit: 100 }, signal);
      const rows = page.items.filter((d) => d.dueSoon).map(dossierRow);
      return listed(
        rows,
        total(page, (c) => c.dueSoon),
        '/ho-so',
      );
    }
    case 'sentBack': {
      // Assigned to me, being handled again, and the last thing that happened was send_back.
      const page = await dossierPage({ assignedToMe: 'true', status: 'in_progress' }, signal);
      const kept = await keepByDetail(
        page.items,
        dossierDetail,
        (d) => d.events.at(-1)?.action === 'send_back',
        signal,
      );
      return listed(kept.map(dossierRow), kept.length, null);
    }
    case 'approval': {
      // Processed and not yet approved: the leader's approval step (dossiers.states.ts).
      const page = await dossierPage({ status: 'processed' }, signal);
      const kept = await keepByDetail(page.items, dossierDetail, (d) => !d.approvedAt, signal);
      return listed(kept.map(dossierRow), kept.length, '/ho-so');
    }
    case 'reports': {
      const lists = await Promise.all(
        ['assigned', 'in_progress'].map((s) => reportPage(s, signal)),
      );
      const items = lists.flatMap((p) => p.items);
      const kept = await keepByDetail(
        items,
        reportDetail,
        (r) => r.assignee?.id === user.id,
        signal,
      );
      return listed(
        kept.map((r) => ({
          key: r.id,
          href: `/phan-anh/xu-ly/${encodeURIComponent(r.id)}`,
          title: r.code,
          detail: `${r.categoryName} — ${r.description.slice(0, 120)}`,
          due: r.dueAt,
          tag: r.overdue ? 'overdue' : null,
        })),
        kept.length,
        '/phan-anh/xu-ly',
      );
    }
    case 'tasks': {
      const tasks = await myTasks(signal);
      if (!tasks) return { rows: null, count: 0, more: null };
      return listed(
        tasks.map((x) => ({
          key: x.id,
          href: `/nhiem-vu/${encodeURIComponent(x.id)}`,
          title: x.content,
          detail: `${x.statusLabel} — ${x.percent}%`,
          // null = thường xuyên (ongoing): no due date to show.
          due: x.deadlineOn,
          tag: x.overdue ? 'overdue' : x.dueSoon ? 'dueSoon' : null,
        })),
        tasks.length,
        '/nhiem-vu?tab=mine',
      );
    }
  }
}
