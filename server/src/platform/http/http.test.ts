import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('HTTP platform', () => {
  it('answers health after checking the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers unknown routes with problem+json and a stable code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/khong-co' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      status: 404,
      code: 'route_not_found',
      title: 'Không tìm thấy',
    });
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    // The page may reach the signer's local signing app, on the loopback only.
    expect(res.headers['content-security-policy']).toContain(
      "connect-src 'self' http://127.0.0.1:* https://127.0.0.1:* http://localhost:*",
    );
    // Plain-HTTP LAN installs must not have their assets upgraded to HTTPS.
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('publishes an OpenAPI 3.1 document generated from the schemas, and a docs page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(
      doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema
        .properties,
    ).toHaveProperty('username');
    expect(doc.paths).toHaveProperty('/api/v1/calendar/due');
    expect(doc.paths).toHaveProperty('/api/v1/procedures');
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });

  it('exposes Prometheus metrics with request counts, latencies and queue depth', async () => {
    await t.app.inject({ method: 'GET', url: '/api/health' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(
      /http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/,
    );
    expect(res.body).toContain('http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/job_queue_depth\{status="queued"\} \d+/);
  });

  it('rate-limits sign-in attempts', async () => {
    let limited = 0;
    for (let i = 0; i < 35; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: `x${i}`, password: 'y' },
        remoteAddress: '10.9.9.9',
      });
      if (r.statusCode === 429) {
        limited++;
        expect(r.headers['content-type']).toContain('application/problem+json');
        expect(r.json().code).toBe('rate_limited');
      }
    }
    expect(limited).toBeGreaterThan(0);
  });
});
