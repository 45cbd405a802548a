import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { fastifyProblem, MAX_PARAM_LENGTH } from './fastify-problems.js';
import { type ProblemInput, problemBody, sendProblem } from './problem.js';

// Refusals that Fastify and Node's HTTP parser make before any route runs (a broken
// percent-escape, a path segment past maxParamLength, oversized headers, a malformed request
// line, invalid JSON, an unsupported content type, a body over the limit) answer
// problem+json with a stable `code` and a Vietnamese `detail`, like every other error.

/** Fastify's `frameworkErrors`: router refusals (bad escapes, overlong segments) as problems. */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  const p = fastifyProblem(err) ?? {
    status: 400,
    code: 'bad_request',
    detail: 'Yêu cầu không hợp lệ.',
  };
  return sendProblem(reply, p);
}

const CLIENT_ERRORS: Record<string, ProblemInput> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'headers_too_large',
    detail: 'Phần đầu (header) của yêu cầu quá lớn.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'request_timeout',
    detail: 'Yêu cầu gửi quá chậm; kết nối đã hết thời gian chờ.',
  },
};

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses never reaches a route,
 * so the answer is written on the socket, then the connection is closed (as Node does).
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const p = CLIENT_ERRORS[err.code ?? ''] ?? {
    status: 400,
    code: 'malformed_request',
    detail: 'Yêu cầu HTTP không đúng định dạng.',
  };
  if (socket.writable) {
    const body = JSON.stringify(problemBody(p));
    socket.write(
      `HTTP/1.1 ${p.status} ${REASONS[p.status]}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(err);
}

/** The Fastify options that route framework refusals through the problem format. */
export const frameworkErrorOptions = {
  routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
  frameworkErrors,
  clientErrorHandler,
} satisfies Partial<FastifyServerOptions>;
