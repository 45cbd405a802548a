import type { ProblemInput } from './problem.js';

// The problem documents of the refusals Fastify makes itself (FST_ERR_* codes): a stable
// `code` and a Vietnamese `detail` instead of Fastify's English JSON.

/** Longest path parameter the router takes; longer segments answer 414 `uri_too_long`. */
export const MAX_PARAM_LENGTH = 100;

/** The problem for an error Fastify raises itself (FST_ERR_*), or null for any other error. */
export function fastifyProblem(err: { code?: string; statusCode?: number }): ProblemInput | null {
  switch (err.code) {
    case 'FST_ERR_BAD_URL':
      return {
        status: 400,
        code: 'invalid_url',
        detail: 'Địa chỉ yêu cầu có mã hoá phần trăm (%) không hợp lệ.',
      };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        status: 414,
        code: 'uri_too_long',
        detail: `Một phần của địa chỉ yêu cầu dài quá ${MAX_PARAM_LENGTH} ký tự.`,
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        code: 'empty_body',
        detail: 'Thân yêu cầu trống trong khi khai báo là JSON (Content-Type: application/json).',
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'invalid_json', detail: 'Thân yêu cầu không phải JSON hợp lệ.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_TYPE':
      return {
        status: 415,
        code: 'unsupported_media_type',
        detail: 'Định dạng dữ liệu (Content-Type) không được hỗ trợ ở địa chỉ này.',
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'payload_too_large', detail: 'Dữ liệu gửi lên quá lớn.' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 400,
        code: 'invalid_content_length',
        detail: 'Độ dài khai báo (Content-Length) không khớp với dữ liệu gửi lên.',
      };
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return { status: 400, code: 'bad_request', detail: 'Yêu cầu không hợp lệ.' };
    default:
      return null;
  }
}
