import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { fastifyProblem } from './fastify-problems.js';

/** An RFC 9457 problem document with our stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { path: string; message: string }[];
}

/** What a caller gives to build a problem: status, stable code, Vietnamese detail (and extras). */
export type ProblemInput = {
  status: number;
  code: string;
  detail: string;
  title?: string;
} & Record<string, unknown>;

const TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa đăng nhập',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  405: 'Phương thức không được hỗ trợ',
  408: 'Hết thời gian chờ',
  409: 'Xung đột dữ liệu',
  413: 'Dữ liệu quá lớn',
  414: 'Địa chỉ quá dài',
  415: 'Định dạng không được hỗ trợ',
  423: 'Tài khoản tạm khoá',
  429: 'Quá nhiều yêu cầu',
  431: 'Phần đầu yêu cầu quá lớn',
  500: 'Lỗi hệ thống',
  503: 'Dịch vụ tạm thời không sẵn sàng',
};

/** The problem document (RFC 9457) for an input. */
export function problemBody(p: ProblemInput): Problem & Record<string, unknown> {
  return {
    type: `https://chinhquyenso.vn/problems/${p.code}`,
    title: p.title ?? TITLES[p.status] ?? 'Lỗi',
    ...p,
  };
}

/** Sends a problem+json answer. */
export function sendProblem(reply: FastifyReply, p: ProblemInput) {
  return reply
    .status(p.status)
    .type('application/problem+json; charset=utf-8')
    .send(problemBody(p));
}

/** Maps every error, and unknown routes, to problem+json (one place, style.md rule 9). */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return sendProblem(reply, {
        status: err.status,
        code: err.code,
        detail: err.detail,
        ...err.extra,
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => ({
        path: [
          err.validationContext ?? 'body',
          ...String(v.instancePath).split('/').filter(Boolean),
        ].join('.'),
        message: vietnameseIssue(
          v.params?.issue as ZodIssueLike | undefined,
          v.message ?? 'Không hợp lệ.',
        ),
      }));
      return sendProblem(reply, {
        status: 400,
        code: 'validation_failed',
        detail: `Dữ liệu gửi lên chưa hợp lệ: ${errors.map((e) => `${e.path} — ${e.message}`).join('; ')}`,
        errors,
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response does not match its schema');
      return sendProblem(reply, {
        status: 500,
        code: 'internal_error',
        detail: 'Lỗi hệ thống. Vui lòng thử lại sau.',
      });
    }
    const known = fastifyProblem(err);
    if (known) return sendProblem(reply, known);
    const status =
      err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err }, 'unhandled error');
    const code =
      status === 429
        ? 'rate_limited'
        : status === 413
          ? 'payload_too_large'
          : status === 415
            ? 'unsupported_media_type'
            : status === 400
              ? 'bad_request'
              : status >= 500
                ? 'internal_error'
                : `http_${status}`;
    const detail =
      status === 429
        ? 'Bạn gửi quá nhiều yêu cầu. Vui lòng đợi một lát rồi thử lại.'
        : status === 413
          ? 'Dữ liệu gửi lên quá lớn.'
          : status === 415
            ? 'Định dạng dữ liệu không được hỗ trợ.'
            : status === 400
              ? `Yêu cầu không hợp lệ: ${err.message}`
              : status >= 500
                ? 'Lỗi hệ thống. Vui lòng thử lại sau.'
                : `${TITLES[status] ?? 'Yêu cầu không được chấp nhận'}.`;
    return sendProblem(reply, { status, code, detail });
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, {
      status: 404,
      code: 'route_not_found',
      detail: `Không có địa chỉ ${req.method} ${req.url.split('?')[0]}.`,
    }),
  );
}

interface ZodIssueLike {
  code?: string;
  expected?: string;
  minimum?: number;
  maximum?: number;
  format?: string;
  origin?: string;
}

/** A Vietnamese message for a zod issue; schemas with their own message keep it. */
function vietnameseIssue(issue: ZodIssueLike | undefined, fallback: string): string {
  if (!issue) return fallback;
  if (/[À-ỹ]/.test(fallback)) return fallback; // already Vietnamese (custom message)
  switch (issue.code) {
    case 'invalid_type':
      return fallback.includes('undefined')
        ? 'Bắt buộc nhập.'
        : `Sai kiểu dữ liệu (cần ${issue.expected}).`;
    case 'too_small':
      return issue.origin === 'string'
        ? `Cần ít nhất ${issue.minimum} ký tự.`
        : `Giá trị nhỏ nhất là ${issue.minimum}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Tối đa ${issue.maximum} ký tự.`
        : `Giá trị lớn nhất là ${issue.maximum}.`;
    case 'invalid_format':
      return `Sai định dạng (${issue.format}).`;
    case 'invalid_value':
      return 'Giá trị không nằm trong danh sách cho phép.';
    case 'unrecognized_keys':
      return 'Có trường không được hỗ trợ.';
    default:
      return fallback;
  }
}
