import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';

// The same data directory seen through two mounts — what a bind mount or a volume shared by
// two containers gives. The lock must follow the directory, not the path string: with a lock
// keyed on the path, two servers ran on one directory and handed out duplicate dossier codes.
// Needs root (mount, unshare). In CI a missing capability fails the test; elsewhere it skips
// with the reason printed.

const fixture = path.resolve(import.meta.dirname, '../../../test/fixtures/hold-lock.ts');
const children: ChildProcess[] = [];
let base = '';
let p1 = '';
let p2 = '';
let mounted = false;
let cannotMount = '';

/** What a holder process said: it holds the lock, or it was refused with this detail. */
type Outcome = { locked: true } | { locked: false; said: string };

/** Starts the lock-holding fixture (optionally wrapped, e.g. in `unshare`); resolves on its first word. */
function holder(
  dir: string,
  wrap: string[] = [],
): { child: ChildProcess; outcome: Promise<Outcome> } {
  const command = [process.execPath, '--import', 'tsx', fixture, dir];
  const [file, ...args] = [...wrap, ...command];
  const child = spawn(file!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  const outcome = new Promise<Outcome>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('locked\n')) resolve({ locked: true });
    });
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) =>
      code === 3
        ? resolve({ locked: false, said: out })
        : reject(new Error(`exit ${code}: ${out}`)),
    );
  });
  return { child, outcome };
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Skips (printing why) outside CI, fails in CI, when this machine cannot mount. */
function needMounts(ctx: TestContext): void {
  if (!cannotMount) return;
  const why = `cannot bind-mount a directory here (${cannotMount}); this test needs root and mount(8)`;
  if (process.env.CI) throw new Error(why);
  console.warn(`SKIPPED: ${why}`);
  ctx.skip();
}

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-lock-mount-'));
  p1 = path.join(base, 'p1');
  p2 = path.join(base, 'p2');
  fs.mkdirSync(p1);
  fs.mkdirSync(p2);
  try {
    execFileSync('mount', ['--bind', p1, p2], { stdio: 'pipe' });
    mounted = true;
  } catch (err) {
    cannotMount = String((err as { stderr?: Buffer }).stderr ?? err).trim() || String(err);
  }
});

afterAll(async () => {
  await Promise.all(children.map(kill9));
  if (mounted) {
    try {
      execFileSync('umount', [p2], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['-l', p2], { stdio: 'pipe' });
    }
  }
  fs.rmSync(base, { recursive: true, force: true });
});

describe('data directory lock across mounts', () => {
  it('refuses a process that reaches the directory through a bind mount, and frees it on kill -9', async (ctx) => {
    needMounts(ctx);
    // The two paths are different strings, and different real paths, for one directory.
    expect(fs.realpathSync(p2)).not.toBe(fs.realpathSync(p1));
    expect(fs.statSync(p2).ino).toBe(fs.statSync(p1).ino);

    const first = holder(p1);
    expect(await first.outcome).toEqual({ locked: true });

    const second = await holder(p2).outcome;
    expect(second.locked).toBe(false);
    const said = (second as { said: string }).said;
    expect(said).toContain('data_dir_locked');
    expect(said).toContain('đang được một tiến trình khác sử dụng');
    expect(said).toContain(`tiến trình ${first.child.pid} (test-holder) trên máy ${os.hostname()}`);
    expect(said).toContain(`mở qua đường dẫn ${p1}`);

    // SIGKILL leaves no chance to clean up; the kernel must drop the lock by itself, so the
    // very next attempt through the other mount succeeds (no waiting for a lease to expire).
    await kill9(first.child);
    const restarted = Date.now();
    const third = holder(p2);
    expect(await third.outcome).toEqual({ locked: true });
    console.log(`lock retaken through the bind mount ${Date.now() - restarted} ms after kill -9`);
    await kill9(third.child);
  });

  it('refuses a process in another mount namespace (as in a second container)', async (ctx) => {
    needMounts(ctx);
    const first = holder(p1);
    expect(await first.outcome).toEqual({ locked: true });
    // `unshare -m` gives the child its own mount table (private propagation), where the
    // directory is mounted at a third path that does not exist in ours.
    const elsewhere = path.join(base, 'container-view');
    fs.mkdirSync(elsewhere);
    const script = 'mount --bind "$1" "$2" && shift 2 && exec "$@"';
    const second = await holder(elsewhere, [
      'unshare',
      '-m',
      'sh',
      '-c',
      script,
      'sh',
      p1,
      elsewhere,
    ]).outcome;
    expect(second.locked).toBe(false);
    expect((second as { said: string }).said).toContain(`tiến trình ${first.child.pid}`);
    // The namespace's mount went away with it: nothing is left mounted on our side.
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    await kill9(first.child);
  });
});
