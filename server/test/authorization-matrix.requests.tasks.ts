// The requests of the tasks module's operations in the authorization matrix (issue 12): ward
// A's task is assigned by ward A's leader to ward A; ward B's own task must never show on
// ward A's side. A write a caller may make acts on a fresh task of ward A.
import type { World } from './authorization-matrix.fixtures.js';
import { type Builder, listed, onB, pdf, V } from './authorization-matrix.kit.js';

const made = new WeakMap<World, Promise<{ a: string; fileId: string; b: string }>>();

/** Ward A's task with one evidence file, and ward B's own task (made once per world). */
function tasks(w: World) {
  let p = made.get(w);
  if (!p) {
    p = (async () => {
      const a = (await freshTask(w)).id;
      const file = await w.setup(
        'specA',
        'POST',
        `${V}/tasks/${a}/files?filename=bien-ban.pdf`,
        pdf('').payload,
        { 'content-type': 'application/pdf' },
      );
      const b = (
        await w.setup('leadB', 'POST', `${V}/tasks`, {
          content: 'Nhiệm vụ của phường B',
          leadUnitCode: w.units.B,
          deadline: { ongoing: true },
        })
      ).json().id as string;
      return { a, fileId: file.json().id as string, b };
    })();
    made.set(w, p);
  }
  return p;
}

/** A fresh task of ward A (assigned by its leader, led by it), at version 1. */
async function freshTask(w: World): Promise<{ id: string }> {
  const r = await w.setup('leadA', 'POST', `${V}/tasks`, {
    content: 'Số hoá hồ sơ tồn đọng của phường A',
    leadUnitCode: w.units.A,
    deadline: { workingDays: 10 },
  });
  return { id: r.json().id as string };
}

export const TASK_REQUESTS: Record<string, Builder> = {
  'GET /api/v1/tasks': async (w, role) => {
    const { a, b } = await tasks(w);
    return listed(w, role, `${V}/tasks`, [a], [b]);
  },
  'GET /api/v1/tasks/mine': async (w, role) => {
    const { a, b } = await tasks(w);
    return listed(w, role, `${V}/tasks/mine`, [a], [b]);
  },
  // Ward B's side asks to assign on ward A's behalf: refused whatever the role.
  'POST /api/v1/tasks': (w, role) => ({
    url: `${V}/tasks`,
    payload: {
      content: 'Rà soát thủ tục hành chính',
      ...(onB(role) ? { assignedByUnitCode: w.units.A } : {}),
      leadUnitCode: w.units.A,
      deadline: { workingDays: 5 },
    },
  }),
  'GET /api/v1/tasks/{id}': async (w) => ({ url: `${V}/tasks/${(await tasks(w)).a}` }),
  'PATCH /api/v1/tasks/{id}': async (w) => ({
    url: `${V}/tasks/${(await freshTask(w)).id}`,
    payload: { version: 1, content: 'Nội dung điều chỉnh' },
  }),
  'POST /api/v1/tasks/{id}/actions': async (w) => ({
    url: `${V}/tasks/${(await freshTask(w)).id}/actions`,
    payload: { action: 'pause', reason: 'Chờ kinh phí', version: 1 },
  }),
  'POST /api/v1/tasks/{id}/progress': async (w) => ({
    url: `${V}/tasks/${(await freshTask(w)).id}/progress`,
    payload: { percent: 10, text: 'Đã triển khai.' },
  }),
  'POST /api/v1/tasks/{id}/files': async (w) =>
    pdf(`${V}/tasks/${(await freshTask(w)).id}/files?filename=minh-chung.pdf`),
  'GET /api/v1/tasks/{id}/files/{fileId}': async (w) => {
    const { a, fileId } = await tasks(w);
    return { url: `${V}/tasks/${a}/files/${fileId}` };
  },
};
