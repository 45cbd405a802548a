// One loader per "my work" section: it reads the lists (and details where needed) and
// returns rows to show, the heading's count and where "see all" goes.
import type { DossierCounts, DossierPage } from '../../dossiers/api/dossier.types.ts';
import { type DossierSummary, dossierPage, myReportPage, myTasks } from '../api/work.api.ts';
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

/** Loads `key` for the signed-in user (the server knows who "me" is). */
export async function loadSection(
  key: WorkSectionKey,
  signal: AbortSignal,
): Promise<WorkSectionData> {
  switch (key) {
    case 'queue': {
      const page = await dossierPage({ assignedToMe: 'true' }, signal);
      return listed(page.items.map(dossierRow), total(page), '/ho-so?mine=1');
    }
    case 'new': {
      const page = await dossierPage({ status: 'received' }, signal);
      // The counts leave the status filter out (they are the chips of every status).
      return listed(
        page.items.map(dossierRow),
        total(page, (c) => c.byStatus.received ?? 0),
        '/ho-so?status=received&mine=0',
      );
    }
    case 'overdue': {
      const page = await dossierPage({ overdue: 'true' }, signal);
      return listed(page.items.map(dossierRow), total(page), '/ho-so?overdue=1&mine=0');
    }
    case 'dueSoon': {
      const page = await dossierPage({ dueSoon: 'true' }, signal);
      return listed(page.items.map(dossierRow), total(page), '/ho-so?need=dueSoon&mine=0');
    }
    case 'sentBack': {
      // Assigned to me and being handled again because a leader sent it back.
      const page = await dossierPage({ assignedToMe: 'true', sentBack: 'true' }, signal);
      return listed(page.items.map(dossierRow), total(page), '/ho-so?need=sentBack&mine=1');
    }
    case 'approval': {
      // Processed and not yet approved: the leader's approval step (dossiers.states.ts).
      const page = await dossierPage({ awaiting: 'approval' }, signal);
      return listed(page.items.map(dossierRow), total(page), '/ho-so?need=approval&mine=0');
    }
    case 'reports': {
      // Assigned to me and still to handle: accepted-and-assigned, or started.
      const pages = await Promise.all(
        ['assigned', 'in_progress'].map((s) => myReportPage(s, signal)),
      );
      const items = pages.flatMap((p) => p.items);
      return listed(
        items.map((r) => ({
          key: r.id,
          href: `/phan-anh/xu-ly/${encodeURIComponent(r.id)}`,
          title: r.code,
          detail: `${r.categoryName} — ${r.description.slice(0, 120)}`,
          due: r.dueAt,
          tag: r.overdue ? 'overdue' : null,
        })),
        items.length,
        '/phan-anh/xu-ly?mine=1',
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
