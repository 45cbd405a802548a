// Refusals Fastify and Node's HTTP parser make before any route runs answer problem+json with
// a stable code and a Vietnamese detail (issue 11: 176 of them were plain JSON).
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

type Res = { statusCode: number; headers: Record<string, unknown>; body: string };

function expectProblem(res: Res, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const p = JSON.parse(res.body);
  expect(p).toMatchObject({ status, code });
  expect(p.detail).toMatch(/[À-ỹ]/);
}

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('framework refusals are problem+json', () => {
  it('a broken percent-escape → 400 invalid_url', async () => {
    expectProblem(await get('/api/v1/public/procedures/%ZZ'), 400, 'invalid_url');
  });

  it('a path segment past the parameter limit → 414 uri_too_long', async () => {
    expectProblem(await get(`/api/v1/public/procedures/${'a'.repeat(300)}`), 414, 'uri_too_long');
  });

  it('invalid JSON, an empty JSON body, an unsupported content type', async () => {
    const post = (payload: string, type: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/open311/clients',
        headers: { ...t.admin.headers, 'content-type': type },
        payload,
      });
    expectProblem(await post('{"name":', 'application/json'), 400, 'invalid_json');
    expectProblem(await post('', 'application/json'), 400, 'empty_body');
    expectProblem(await post('<a/>', 'application/xml'), 415, 'unsupported_media_type');
  });

  it('a body over a route limit → 413 payload_too_large', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhooks/generic',
      headers: { 'content-type': 'application/json' },
      payload: `{"x":"${'a'.repeat(70 * 1024)}"}`,
    });
    expectProblem(res, 413, 'payload_too_large');
  });

  describe('on the socket (refused by the HTTP parser before any route)', () => {
    let port: number;
    beforeAll(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.server.address() as net.AddressInfo).port;
    });

    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const s = net.connect(port, '127.0.0.1', () => s.write(text));
        let out = '';
        s.on('data', (d) => {
          out += d;
        });
        s.on('close', () => resolve(out));
        s.on('error', reject);
      });

    function parse(answer: string) {
      const [head, body] = answer.split('\r\n\r\n');
      return { status: Number(head!.split(' ')[1]), head: head!, body: JSON.parse(body!) };
    }

    it('oversized headers → 431 headers_too_large', async () => {
      const a = parse(
        await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
      );
      expect(a.status).toBe(431);
      expect(a.head).toMatch(/content-type: application\/problem\+json/i);
      expect(a.body).toMatchObject({ status: 431, code: 'headers_too_large' });
    });

    it('a malformed request → 400 malformed_request', async () => {
      const a = parse(await raw('GET /api/health HTTP/1.1\r\nHost x\r\n\r\n'));
      expect(a.status).toBe(400);
      expect(a.head).toMatch(/content-type: application\/problem\+json/i);
      expect(a.body).toMatchObject({ status: 400, code: 'malformed_request' });
      expect(a.body.detail).toMatch(/[À-ỹ]/);
    });
  });
});
