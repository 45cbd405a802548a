import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { DataDirLock, HOLDER_FILE, LOCK_FILE } from './data-dir-lock.js';

const fixture = path.resolve(import.meta.dirname, '../../../test/fixtures/hold-lock.ts');
let child: ChildProcess | undefined;

function holdInChild(dir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--import', 'tsx', fixture, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    c.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve(c));
    c.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
}

afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

describe('data directory lock', () => {
  it('refuses a second process with a clear message, and frees the lock when the holder dies', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-lock-'));
    child = await holdInChild(dir);
    const err = await DataDirLock.acquire(dir).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('data_dir_locked');
    expect(err.detail).toContain('đang được một tiến trình khác sử dụng');
    // The holder is named by pid, purpose and host (a pid from another container means
    // nothing alone), and by when and through which path it opened the directory.
    expect(err.detail).toContain(`tiến trình ${child.pid} (test-holder) trên máy ${os.hostname()}`);
    expect(err.detail).toMatch(/từ \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);
    expect(err.detail).toContain(`mở qua đường dẫn ${dir}`);
    expect(err.detail).toContain(`pid ${child.pid} (test-holder) on host ${os.hostname()}`);
    // SIGKILL leaves no chance to clean up: the OS must release the lock by itself.
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    // The dead holder's record is still there; it must not block, and is replaced.
    expect(fs.existsSync(path.join(dir, HOLDER_FILE))).toBe(true);
    const lock = await DataDirLock.acquire(dir, 'restart');
    const record = JSON.parse(fs.readFileSync(path.join(dir, HOLDER_FILE), 'utf8'));
    expect(record).toMatchObject({ pid: process.pid, purpose: 'restart', host: os.hostname() });
    await lock.release();
    // Released: the record goes, the lock file stays (deleting it would be unsafe).
    expect(fs.existsSync(path.join(dir, HOLDER_FILE))).toBe(false);
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toContain('Do not delete it');
  });

  it('treats two paths to the same directory as one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-lock-'));
    const link = `${dir}-link`;
    fs.symlinkSync(dir, link);
    const lock = await DataDirLock.acquire(dir);
    await expect(DataDirLock.acquire(link)).rejects.toMatchObject({ code: 'data_dir_locked' });
    await lock.release();
    const again = await DataDirLock.acquire(link);
    await again.release();
  });
});
