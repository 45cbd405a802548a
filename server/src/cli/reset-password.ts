// npm run reset-password [-- --user <username>] [--password <new>]: sets a new password for
// an account (default `admin`), unlocks it and ends its sessions — the way back in when
// the first-start password was lost. Prints the new password when it generated one.
import { randomBytes } from 'node:crypto';
import { openAndMigrate } from '../app.js';
import { IdentityService } from '../modules/identity/index.js';
import { SYSTEM_ACTOR } from '../platform/actor.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { NotFoundError } from '../platform/errors.js';
import { parseArgs, runCli } from './cli-common.js';

runCli(async () => {
  const { values } = parseArgs({
    options: { user: { type: 'string', default: 'admin' }, password: { type: 'string' } },
  });
  const username = values.user ?? 'admin';
  const password = values.password ?? randomBytes(12).toString('base64url');
  const db = await openAndMigrate(loadConfig(), 'reset-password');
  try {
    const identity = new IdentityService(db.kysely, systemClock);
    const page = await identity.listUsers({ q: username, limit: 50 });
    const user = page.items.find((u) => u.username.toLowerCase() === username.toLowerCase());
    if (!user) throw new NotFoundError(`Không có tài khoản "${username}". / No such account.`);
    await identity.updateUser({ ...SYSTEM_ACTOR, name: 'cli:reset-password' }, user.id, {
      password,
      disabled: false,
    });
    console.log(
      values.password
        ? `✔ Đã đặt mật khẩu mới cho ${user.username} / password set.`
        : `✔ Mật khẩu mới của ${user.username} / new password: ${password}`,
    );
  } finally {
    await db.close();
  }
});
