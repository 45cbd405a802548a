import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client.ts';
import type { UploadedPhoto } from '../api/report.types.ts';
import {
  admitFiles,
  fitSize,
  isUploading,
  PHOTO_MAX_BYTES,
  type PhotoItem,
  photoLocation,
  slotsLeft,
  uploadErrorKey,
  uploadedIds,
} from './photos.ts';

const file = (name: string, type = 'image/jpeg', size = 1000) => ({ name, type, size });
const uploaded = (id: string, location: UploadedPhoto['location'] = null): UploadedPhoto => ({
  id,
  width: 1600,
  height: 1200,
  url: `/p/${id}`,
  thumbUrl: `/p/${id}/thumb`,
  preview: 'data:image/jpeg;base64,',
  location,
});
const done = (id: string, location: UploadedPhoto['location'] = null): PhotoItem => ({
  key: id,
  name: `${id}.jpg`,
  status: 'done',
  photo: uploaded(id, location),
});
const failed: PhotoItem = { key: 'x', name: 'x.jpg', status: 'error', error: 'hỏng' };
const uploading: PhotoItem = { key: 'u', name: 'u.jpg', status: 'uploading' };

describe('admitFiles', () => {
  it('takes photos up to the places left, in order, and says why the others are refused', () => {
    const items = [done('a'), done('b'), done('c'), failed];
    expect(slotsLeft(items)).toBe(2);
    const picked = [file('1.jpg'), file('2.png', 'image/png'), file('3.webp', 'image/webp')];
    const r = admitFiles(picked, items);
    expect(r.accepted.map((f) => f.name)).toEqual(['1.jpg', '2.png']);
    expect(r.refused).toEqual([{ name: '3.webp', reason: 'reports.photos.errorTooMany' }]);
  });
  it('refuses other types, HEIC with its own advice, and files over 15 MB, without using a place', () => {
    const r = admitFiles(
      [
        file('scan.pdf', 'application/pdf'),
        file('IMG_0001.HEIC', 'image/heic'),
        file('big.jpg', 'image/jpeg', PHOTO_MAX_BYTES + 1),
        file('ok.jpg', 'image/jpeg', PHOTO_MAX_BYTES),
        file('unknown', ''),
      ],
      [],
    );
    expect(r.refused).toEqual([
      { name: 'scan.pdf', reason: 'reports.photos.errorType' },
      { name: 'IMG_0001.HEIC', reason: 'reports.photos.errorHeic' },
      { name: 'big.jpg', reason: 'reports.photos.errorTooLarge' },
    ]);
    expect(r.accepted.map((f) => f.name)).toEqual(['ok.jpg', 'unknown']);
  });
  it('refuses everything when five photos are there already', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((id) => done(id));
    expect(slotsLeft(five)).toBe(0);
    expect(admitFiles([file('6.jpg')], five).accepted).toEqual([]);
  });
});

describe('upload state', () => {
  it('sends the ids of finished uploads only, in order, and waits while one is uploading', () => {
    const items = [done('a'), failed, uploading, done('b')];
    expect(uploadedIds(items)).toEqual(['a', 'b']);
    expect(isUploading(items)).toBe(true);
    expect(isUploading([done('a')])).toBe(false);
  });
  it('offers the position of the first photo that has one, with its number', () => {
    expect(photoLocation([done('a')])).toBeNull();
    expect(
      photoLocation([
        done('a'),
        done('b', { lat: 10.38, long: 105.43 }),
        done('c', { lat: 1, long: 2 }),
      ]),
    ).toEqual({ n: 2, lat: 10.38, long: 105.43 });
  });
  it('maps the server’s codes to messages, and leaves others to the server’s detail', () => {
    expect(uploadErrorKey(new ApiError(400, 'invalid_image', 'x'))).toBe(
      'reports.photos.errorInvalid',
    );
    expect(uploadErrorKey(new ApiError(413, 'photo_too_large', 'x'))).toBe(
      'reports.photos.errorTooLarge',
    );
    expect(uploadErrorKey(new ApiError(429, 'rate_limited', 'x'))).toBe('reports.photos.errorBusy');
    expect(uploadErrorKey(new ApiError(0, 'network_error', ''))).toBe(
      'reports.photos.errorNetwork',
    );
    expect(uploadErrorKey(new ApiError(500, 'internal_error', 'x'))).toBeNull();
    expect(uploadErrorKey(new Error('x'))).toBeNull();
  });
});

describe('fitSize', () => {
  it('fits the long edge in the box, keeps the ratio and never enlarges', () => {
    expect(fitSize(1600, 1200, 320)).toEqual({ width: 320, height: 240 });
    expect(fitSize(1200, 1600, 320)).toEqual({ width: 240, height: 320 });
    expect(fitSize(100, 80, 320)).toEqual({ width: 100, height: 80 });
    expect(fitSize(1600, 3, 320)).toEqual({ width: 320, height: 1 });
  });
});
