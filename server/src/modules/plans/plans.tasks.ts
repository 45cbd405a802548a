// A plan's tasks (nhiệm vụ, e.g. seed 002's Phụ lục 02) become tasks of the tasks module when
// the plan is created (issue 12 deliver 2: "a source: a plan section now"), in the plan's
// transaction, so the secretariat follows them with progress, sweeps and "our tasks". The
// plan keeps each task's id (plan_task.task_id). The plan is the authority here — its unit's
// administrator created it — so the tasks module's manager check is skipped (`authorize:
// false`); it still checks the units.
import { vnDateOf } from '@cqs/shared/calendar/index';
import type { PlanDocument } from '@cqs/shared/plans/index';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { findUnitsByCodes, unitDescendants } from '../org/index.js';
import { type NewTaskInput, TaskService } from '../tasks/index.js';
import { plansRepository as repo } from './plans.repository.js';

/** A written agency name reduced for matching: "UBND phường Mỹ Bình" ≡ "Phường Mỹ Bình". */
export function agencyKey(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/u, '')
    .replace(/[\s\u00a0]+/gu, ' ')
    .trim();
}

/**
 * Units by the keys a plan may write them with: the full name ("Phòng Văn hóa và Thông tin
 * thành phố Long Xuyên"), and the full name without the plan unit's name or its place
 * ("Phòng Văn hóa và Thông tin", "Công an thành phố" — how seed 003 names them). A key two
 * units share names neither.
 */
export function unitsByAgencyKey(
  units: { code: string; name: string }[],
  planUnitName: string,
): Map<string, string> {
  const words = agencyKey(planUnitName).split(' ').filter(Boolean);
  // "thành phố long xuyên", "phố long xuyên", "long xuyên": tails of two words or more.
  const tails = words.slice(0, -1).map((_, i) => ` ${words.slice(i).join(' ')}`);
  const found = new Map<string, Set<string>>();
  const add = (key: string, code: string) => {
    if (!key) return;
    if (!found.has(key)) found.set(key, new Set());
    found.get(key)!.add(code);
  };
  for (const u of units) {
    const key = agencyKey(u.name);
    add(key, u.code);
    for (const tail of tails) if (key.endsWith(tail)) add(key.slice(0, -tail.length), u.code);
  }
  const out = new Map<string, string>();
  for (const [key, codes] of found) if (codes.size === 1) out.set(key, [...codes][0]!);
  return out;
}

type PlanTask = PlanDocument['tasks'][number];

/** The task the tasks module keeps for one plan task (pure: the units are looked up before). */
export function taskInputOf(
  t: PlanTask,
  ctx: { planTaskId: string; planTitle: string; planUnit: string; unitByKey: Map<string, string> },
  today: string,
): NewTaskInput {
  const lead = t.lead ?? [];
  const match = (name: string) => ctx.unitByKey.get(agencyKey(name));
  // The first agency named is the chủ trì; any further ones read as co-leads, kept as written.
  const leadCode = lead.length > 0 ? match(lead[0]!) : undefined;
  const support = (t.support ?? []).map((s) => ({ s, code: match(s) }));
  const notes: string[] = [];
  if (lead.length > 0 && (!leadCode || lead.length > 1))
    notes.push(`Cơ quan chủ trì (theo kế hoạch): ${lead.join('; ')}.`);
  const unmatched = support.filter((x) => !x.code).map((x) => x.s);
  if (unmatched.length > 0)
    notes.push(`Cơ quan phối hợp (theo kế hoạch): ${unmatched.join('; ')}.`);
  // A deadline already past (a plan of an earlier year imported now) cannot be a task's
  // deadline (tasks.rules: not before today); it is kept as written instead.
  const deadlineGiven = t.deadline !== null && t.deadline >= today;
  if (t.deadline && !deadlineGiven)
    notes.push(`Thời hạn theo kế hoạch: ${t.deadline.split('-').reverse().join('/')}.`);
  const head = [t.no, t.name].filter(Boolean).join('. ');
  const content = [t.content ? `${head}\n${t.content}` : head, ...notes].join('\n');
  const leadUnitCode = leadCode ?? ctx.planUnit;
  return {
    content,
    source: {
      type: 'plan_task',
      id: ctx.planTaskId,
      label: `${ctx.planTitle}${t.group ? ` — ${t.group}` : ''}`.slice(0, 500),
    },
    assignedByUnitCode: ctx.planUnit,
    leadUnitCode,
    supportUnitCodes: [
      ...new Set(support.flatMap((x) => (x.code && x.code !== leadUnitCode ? [x.code] : []))),
    ],
    kind: t.kind === 'Chuyển tiếp' ? 'carried_over' : 'new',
    deadline: deadlineGiven ? { on: t.deadline! } : { ongoing: true },
  };
}

/**
 * Creates the tasks of a plan just inserted, in its transaction `trx`, and links each plan
 * task to its task. Agencies are matched by name to open units of the plan's subtree.
 */
export async function createPlanTasks(
  trx: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  planId: string,
  doc: PlanDocument,
): Promise<void> {
  if (doc.tasks.length === 0) return;
  const subtree = await unitDescendants(trx, doc.unitCode);
  const units = await findUnitsByCodes(trx, subtree);
  const unitByKey = unitsByAgencyKey(
    [...units.values()].filter((u) => !u.closed),
    units.get(doc.unitCode)?.name ?? '',
  );
  const today = vnDateOf(clock.now());
  // insertPlan numbered the plan's tasks 1… in the document's order.
  const ids = await repo.planTaskIds(trx, planId);
  const inputs = doc.tasks.map((t, i) =>
    taskInputOf(
      t,
      { planTaskId: ids[i]!, planTitle: doc.title, planUnit: doc.unitCode, unitByKey },
      today,
    ),
  );
  const tasks = await new TaskService({ db: trx, clock }).createMany(actor, inputs, {
    trx: trx as Transaction<Database>,
    authorize: false,
  });
  await repo.linkTasks(
    trx,
    tasks.map((task, i) => ({ planTaskId: ids[i]!, taskId: task.id })),
  );
}
