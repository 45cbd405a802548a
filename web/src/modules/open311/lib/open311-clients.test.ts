import { describe, expect, it } from 'vitest';
import type { Open311Client } from '../api/open311.api.ts';
import { clientNameProblem, keyDisplay, open311Urls, sortClients } from './open311-clients.ts';

const client = (over: Partial<Open311Client>): Open311Client => ({
  id: 'x',
  name: 'App',
  keyPrefix: 'abcdefgh',
  createdAt: '2026-11-01T09:00:00+07:00',
  createdBy: null,
  revokedAt: null,
  reportCount: 0,
  lastReportAt: null,
  ...over,
});

describe('Open311 keys screen helpers', () => {
  it('checks a client name like the server', () => {
    expect(clientNameProblem('  ')).toBe('open311.nameRequired');
    expect(clientNameProblem('x'.repeat(201))).toBe('open311.nameTooLong');
    expect(clientNameProblem(` ${'x'.repeat(200)} `)).toBeNull();
    expect(clientNameProblem('Ứng dụng Phản ánh An Giang')).toBeNull();
  });

  it('shows a key by its prefix only', () => {
    expect(keyDisplay('abcdefgh')).toBe('abcdefgh…');
  });

  it('puts keys in use first, newest first', () => {
    const sorted = sortClients([
      client({ id: 'old', createdAt: '2026-01-01T00:00:00+07:00' }),
      client({
        id: 'revoked',
        createdAt: '2026-12-01T00:00:00+07:00',
        revokedAt: '2026-12-02T00:00:00+07:00',
      }),
      client({ id: 'new', createdAt: '2026-06-01T00:00:00+07:00' }),
    ]);
    expect(sorted.map((c) => c.id)).toEqual(['new', 'old', 'revoked']);
  });

  it('builds the endpoint and discovery URLs', () => {
    expect(open311Urls('https://pa.longxuyen.gov.vn/')).toEqual({
      endpoint: 'https://pa.longxuyen.gov.vn/open311/v2',
      discovery: 'https://pa.longxuyen.gov.vn/open311/v2/discovery.xml',
    });
  });
});
