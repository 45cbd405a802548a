// The requests of the signatures module (signature and seal images) in the authorization
// matrix. Reads and removals need an image to exist: the caller's own is uploaded first (staff
// only: others cannot), ward A's seal by ward A's office.
import type { World } from './authorization-matrix.fixtures.js';
import type { Builder } from './authorization-matrix.kit.js';
import { V } from './authorization-matrix.kit.js';
import { photoJpeg, ROLES, type RoleName } from './authorization-matrix.world.js';

/** Every caller but the anonymous one and the citizens. */
const STAFF_ROLES: readonly RoleName[] = ROLES.filter(
  (r) => r !== 'anon' && r !== 'citA' && r !== 'citB',
);

const jpeg = async () => ({
  payload: await photoJpeg(),
  headers: { 'content-type': 'image/jpeg' },
});

/** The caller's own signature image, uploaded before the request (staff only). */
async function ownImage(w: World, role: RoleName) {
  if (STAFF_ROLES.includes(role))
    await w.setup(role, 'PUT', `${V}/signature-images/me`, await photoJpeg(), {
      'content-type': 'image/jpeg',
    });
}

/** Ward A's seal image, uploaded by its office before the request. */
async function sealOfA(w: World) {
  await w.setup('secrA', 'PUT', `${V}/signature-images/units/${w.units.A}`, await photoJpeg(), {
    'content-type': 'image/jpeg',
  });
}

export const SIGNATURE_IMAGE_REQUESTS: Record<string, Builder> = {
  'GET /api/v1/signature-images': () => ({ url: `${V}/signature-images` }),
  'GET /api/v1/signature-images/me/image.png': async (w, role) => {
    await ownImage(w, role);
    return { url: `${V}/signature-images/me/image.png` };
  },
  'PUT /api/v1/signature-images/me': async () => ({
    url: `${V}/signature-images/me`,
    ...(await jpeg()),
  }),
  'DELETE /api/v1/signature-images/me': async (w, role) => {
    await ownImage(w, role);
    return { url: `${V}/signature-images/me` };
  },
  'GET /api/v1/signature-images/units/{unitCode}/image.png': async (w) => {
    await sealOfA(w);
    return { url: `${V}/signature-images/units/${w.units.A}/image.png` };
  },
  'PUT /api/v1/signature-images/units/{unitCode}': async (w) => ({
    url: `${V}/signature-images/units/${w.units.A}`,
    ...(await jpeg()),
  }),
  'DELETE /api/v1/signature-images/units/{unitCode}': async (w) => {
    await sealOfA(w);
    return { url: `${V}/signature-images/units/${w.units.A}` };
  },
};
