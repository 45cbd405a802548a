// Progress of a task (tiến độ): reports with a percent and evidence files from the lead unit,
// notes from supporting units; percent 100 with `done` finishes the task (doneOn, onTime).
import type { Actor } from '../../platform/actor.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../platform/errors.js';
import { checkUpload, type FileStore } from '../../platform/files/file-store.js';
import { vnToday } from '../org/index.js';
import { requireVisible } from './tasks.access.js';
import { presentFile } from './tasks.query.js';
import { tasksRepository as repo, type TaskRow } from './tasks.repository.js';
import { doneOnTime } from './tasks.rules.js';
import { type TaskService, versionConflict } from './tasks.service.js';

/** Evidence may be any usual office document or a photo. */
const EVIDENCE_RULES = {
  accept: [
    'application/pdf',
    'image/jpeg',
    'image/png',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
  maxSizeMb: 20,
};

export interface ProgressInput {
  percent?: number;
  text: string;
  fileIds: string[];
  done: boolean;
}

/** The unit an author reports for: the lead unit when a grant covers it, else a supporting one. */
function authorUnit(actor: Actor, t: TaskRow): string | null {
  const own = actor.roles.map((g) => g.unitCode);
  if (own.includes(t.lead_unit_code)) return t.lead_unit_code;
  return t.support_unit_codes.find((u) => own.includes(u)) ?? null;
}

/** A progress report or a note; returns the task after it. */
export async function reportProgress(
  svc: TaskService,
  actor: Actor,
  id: string,
  p: ProgressInput,
): Promise<TaskRow> {
  const { db, clock } = svc.deps;
  return db.transaction().execute(async (trx) => {
    const t = await repo.findById(trx, id, true);
    const rights = await requireVisible(trx, actor, t);
    const task = t!;
    const withFigure = p.percent !== undefined || p.done;
    if (withFigure ? !rights.report : !rights.note)
      throw new ForbiddenError(
        withFigure
          ? 'Chỉ cán bộ của đơn vị chủ trì mới được báo cáo tiến độ.'
          : 'Chỉ cán bộ của đơn vị chủ trì hoặc phối hợp mới được ghi nhận xét.',
        'task_progress_forbidden',
      );
    const open = task.status === 'not_started' || task.status === 'in_progress';
    if (!open && !(task.status === 'paused' && !withFigure))
      throw new ConflictError(
        'Nhiệm vụ không ở trạng thái đang thực hiện, không thể báo cáo tiến độ.',
        'task_not_open',
      );
    if (p.done && p.percent !== 100)
      throw new ValidationError(
        'Chỉ đánh dấu hoàn thành khi tỷ lệ hoàn thành là 100%.',
        [{ path: 'body.percent', message: 'Nhập 100 để hoàn thành nhiệm vụ.' }],
        'task_done_needs_100',
      );
    const now = clock.now();
    const progress = await repo.insertProgress(trx, {
      task_id: id,
      percent: p.percent ?? null,
      text: p.text.normalize('NFC'),
      author_id: actor.id,
      author_name: actor.name,
      author_unit_code: authorUnit(actor, task),
      reported_at: now,
    });
    const fileIds = [...new Set(p.fileIds)];
    if ((await repo.attachFiles(trx, id, progress.id, fileIds)) !== fileIds.length)
      throw new ValidationError(
        'Tệp minh chứng không thuộc nhiệm vụ này hoặc đã gắn với báo cáo khác.',
        [{ path: 'body.fileIds', message: 'Tải tệp lên nhiệm vụ trước khi gắn vào báo cáo.' }],
        'task_file_unknown',
      );
    let row = task;
    let action = 'note';
    if (withFigure) {
      const doneOn = vnToday(now);
      const finished = p.done;
      const updated = await repo.update(
        trx,
        id,
        task.version,
        {
          percent: p.percent!,
          status: finished ? 'done' : 'in_progress',
          ...(finished ? { done_on: doneOn, on_time: doneOnTime(task.deadline_on, doneOn) } : {}),
        },
        clock.now(),
      );
      if (!updated) throw versionConflict();
      row = updated;
      action = finished ? 'done' : 'progress';
    } else {
      // A note changes no figure, but the task's version moves so an open form sees it.
      const updated = await repo.update(trx, id, task.version, {}, clock.now());
      if (!updated) throw versionConflict();
      row = updated;
    }
    const after = {
      progressId: progress.id,
      percent: p.percent ?? null,
      text: progress.text,
      fileIds,
      ...(row.done_on ? { doneOn: row.done_on, onTime: row.on_time } : {}),
    };
    await svc.record(trx, actor, row, action, task.status, {
      before: { status: task.status, percent: task.percent },
      after,
    });
    return row;
  });
}

/** Stores one evidence file of a task (raw bytes), to be attached to a report by id. */
export async function uploadTaskFile(
  svc: TaskService,
  store: FileStore,
  actor: Actor,
  id: string,
  f: { filename: string; mime: string; bytes: Buffer },
) {
  const { db } = svc.deps;
  const t = await repo.findById(db, id);
  const rights = await requireVisible(db, actor, t);
  if (!rights.note)
    throw new ForbiddenError(
      'Chỉ cán bộ của đơn vị chủ trì hoặc phối hợp mới được tải tệp minh chứng.',
      'task_upload_forbidden',
    );
  if (t!.status === 'done' || t!.status === 'cancelled')
    throw new ConflictError('Nhiệm vụ đã kết thúc, không thể thêm tệp.', 'task_closed');
  const filename = f.filename
    .normalize('NFC')
    .replace(/[\\/]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .slice(0, 200);
  if (!filename.trim())
    throw new ValidationError('Thiếu tên tệp.', [
      { path: 'querystring.filename', message: 'Nhập tên tệp.' },
    ]);
  checkUpload(f.bytes, f.mime, EVIDENCE_RULES);
  const { sha256, size } = await store.put(f.bytes);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertFile(trx, {
      task_id: id,
      filename,
      mime: f.mime.split(';')[0]!.trim().toLowerCase(),
      size,
      sha256,
      uploaded_by: actor.id,
    });
    const after = { fileId: row.id, filename, sha256, size };
    await svc.record(trx, actor, t!, 'file.upload', t!.status, { after });
    return presentFile(row);
  });
}

/** A stored evidence file, for download by whoever sees the task. */
export async function downloadTaskFile(
  svc: TaskService,
  store: FileStore,
  actor: Actor | null,
  id: string,
  fileId: string,
) {
  const { db } = svc.deps;
  await requireVisible(db, actor, await repo.findById(db, id));
  const f = await repo.findFile(db, id, fileId);
  if (!f) throw new NotFoundError('Không tìm thấy tệp.', 'file_not_found');
  return { file: presentFile(f), bytes: store.get(f.sha256) };
}
