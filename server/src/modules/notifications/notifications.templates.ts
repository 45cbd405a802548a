import { toVnIso } from '@cqs/shared/calendar/index';
import { z } from 'zod';

// Messages citizens and staff read: Vietnamese with diacritics, plain words (no decree
// numbers, style.md "Citizen-facing pages"), dates dd/mm/yyyy HH:mm in Vietnam time.

/** An instant given as a Date, or as ISO 8601 text (data that went through JSON). */
const instant = z.union([z.date(), z.iso.datetime({ offset: true })]);
const text = z.string().trim().min(1);
const base = {
  code: text,
  procedureName: text,
  /** Name on the dossier; "Ông/Bà" is used when it is absent. */
  applicantName: text.optional(),
  /** Signature line, e.g. the unit's one-stop desk. */
  unitName: text.optional(),
};

/** The data each template needs, checked before anything is queued. */
export const templateSchemas = {
  'dossier.received': z.object({
    ...base,
    dueAt: instant,
    lookupUrl: z.url(),
    /** Submitted online: form 01 (the receipt) for the signed-in citizen to download. */
    receiptUrl: z.url().optional(),
  }),
  'dossier.completion_requested': z.object({
    ...base,
    reason: text,
    items: z.array(text).min(1),
    lookupUrl: z.url(),
  }),
  'dossier.result_ready': z.object({
    ...base,
    method: z.enum(['direct', 'postal', 'electronic']).default('direct'),
    /** Where to collect a paper result. */
    place: text.optional(),
    /** Where to download an electronic result (else the lookup page). */
    resultUrl: z.url().optional(),
    lookupUrl: z.url(),
  }),
  /** The fee of a dossier was received (desk or payment gateway), with its receipt. */
  'dossier.fee_paid': z.object({
    ...base,
    amount: z.number().int().positive(),
    receiptNumber: text,
    lookupUrl: z.url(),
  }),
  'dossier.overdue': z.object({
    ...base,
    dueAt: instant,
    assigneeName: text.optional(),
    staffUrl: z.url(),
  }),
  'dossier.late_apology': z.object({
    ...base,
    newDueAt: instant,
    reason: text.optional(),
    lookupUrl: z.url(),
  }),
  // Field reports (phản ánh hiện trường).
  'report.received': z.object({
    code: text,
    categoryName: text,
    dueAt: instant,
    lookupUrl: z.url(),
  }),
  'report.resolved': z.object({
    code: text,
    categoryName: text,
    reply: text,
    lookupUrl: z.url(),
  }),
  'report.info_requested': z.object({
    code: text,
    categoryName: text,
    question: text,
    lookupUrl: z.url(),
  }),
  'report.escalated': z.object({
    code: text,
    categoryName: text,
    unitName: text,
    dueAt: instant,
    staffUrl: z.url(),
  }),
  // Tasks (nhiệm vụ, issue 12): to the lead unit's officers, once per deadline.
  'task.due_soon': z.object({
    content: text,
    leadUnitName: text,
    deadlineOn: z.iso.date(),
    staffUrl: z.url(),
  }),
  'task.overdue': z.object({
    content: text,
    leadUnitName: text,
    deadlineOn: z.iso.date(),
    staffUrl: z.url(),
  }),
} as const;

/** Names of the message templates. */
export type TemplateName = keyof typeof templateSchemas;

/** What the caller passes to a template (dates as Date or ISO text). */
export type TemplateData<T extends TemplateName> = z.input<(typeof templateSchemas)[T]>;

/** A rendered message: e-mail subject and body, and the short SMS text. */
export interface RenderedMessage {
  subject: string;
  text: string;
  sms: string;
}

/** Longest SMS we aim for: one segment of the GSM alphabet (more costs a second message). */
export const SMS_MAX = 160;

/** "27/11/2026 17:00" — an instant in Vietnam time (fixed +07:00). */
export function formatVnDateTime(at: Date | string): string {
  const iso = toVnIso(at instanceof Date ? at : new Date(at)); // 2026-11-27T17:00:00+07:00
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

/** The first candidate that fits one SMS, else the last (shortest) one. */
function fitSms(...candidates: string[]): string {
  return candidates.find((c) => c.length <= SMS_MAX) ?? candidates[candidates.length - 1]!;
}

const greeting = (name?: string) => (name ? `Kính gửi Ông/Bà ${name},` : 'Kính gửi Ông/Bà,');
const signature = (unitName?: string) =>
  [
    '',
    'Trân trọng,',
    unitName ?? 'Bộ phận Tiếp nhận và Trả kết quả',
    '',
    'Đây là thư tự động, xin Ông/Bà không trả lời thư này.',
  ].join('\n');

const reportRenderers = {
  'report.received': (d: z.output<(typeof templateSchemas)['report.received']>) => ({
    subject: `Đã nhận phản ánh ${d.code}`,
    text: [
      greeting(),
      '',
      `Phản ánh của Ông/Bà về "${d.categoryName}" đã được gửi đến cơ quan có thẩm quyền.`,
      '',
      `Mã phản ánh: ${d.code}`,
      `Hạn tiếp nhận xử lý: ${formatVnDateTime(d.dueAt)}`,
      '',
      'Ông/Bà có thể theo dõi kết quả xử lý tại:',
      d.lookupUrl,
      signature('Hệ thống tiếp nhận phản ánh hiện trường'),
    ].join('\n'),
    sms: fitSms(
      `Đã nhận phản ánh ${d.code}. Theo dõi: ${d.lookupUrl}`,
      `Đã nhận phản ánh ${d.code}.`,
    ),
  }),
  'report.resolved': (d: z.output<(typeof templateSchemas)['report.resolved']>) => ({
    subject: `Phản ánh ${d.code} đã được xử lý`,
    text: [
      greeting(),
      '',
      `Phản ánh ${d.code} (${d.categoryName}) đã được xử lý.`,
      '',
      'Trả lời của cơ quan xử lý:',
      d.reply,
      '',
      'Nếu vấn đề chưa được khắc phục, Ông/Bà có thể báo lại và đánh giá kết quả tại:',
      d.lookupUrl,
      signature('Hệ thống tiếp nhận phản ánh hiện trường'),
    ].join('\n'),
    sms: fitSms(
      `Phản ánh ${d.code} đã được xử lý. Xem trả lời và đánh giá: ${d.lookupUrl}`,
      `Phản ánh ${d.code} đã được xử lý.`,
    ),
  }),
  'report.info_requested': (d: z.output<(typeof templateSchemas)['report.info_requested']>) => ({
    subject: `Phản ánh ${d.code}: đề nghị bổ sung thông tin`,
    text: [
      greeting(),
      '',
      `Để xử lý phản ánh ${d.code} (${d.categoryName}), cơ quan xử lý đề nghị Ông/Bà bổ sung:`,
      d.question,
      '',
      'Ông/Bà trả lời tại trang theo dõi phản ánh (dùng đường dẫn có mã theo dõi đã nhận khi gửi):',
      d.lookupUrl,
      signature('Hệ thống tiếp nhận phản ánh hiện trường'),
    ].join('\n'),
    sms: fitSms(
      `Phản ánh ${d.code}: cơ quan xử lý đề nghị bổ sung thông tin. Xem và trả lời: ${d.lookupUrl}`,
      `Phản ánh ${d.code}: đề nghị bổ sung thông tin.`,
    ),
  }),
  'report.escalated': (d: z.output<(typeof templateSchemas)['report.escalated']>) => ({
    subject: `Phản ánh ${d.code} quá hạn xử lý`,
    text: [
      'Kính gửi đồng chí,',
      '',
      `Phản ánh ${d.code} (${d.categoryName}) do ${d.unitName} xử lý đã quá hạn từ ${formatVnDateTime(d.dueAt)}.`,
      '',
      'Đề nghị đồng chí chỉ đạo khẩn trương xử lý. Mở phản ánh:',
      d.staffUrl,
      '',
      'Thư tự động từ hệ thống Chính quyền số.',
    ].join('\n'),
    sms: fitSms(
      `Phản ánh ${d.code} quá hạn từ ${formatVnDateTime(d.dueAt)}. Đề nghị chỉ đạo xử lý.`,
    ),
  }),
};

/** "06/02/2027" from "2027-02-06". */
const vnDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** A task's content, shortened for a subject line or an SMS. */
const brief = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const taskRenderers = {
  'task.due_soon': (d: z.output<(typeof templateSchemas)['task.due_soon']>) => ({
    subject: `Nhiệm vụ sắp đến hạn ${vnDay(d.deadlineOn)}: ${brief(d.content, 80)}`,
    text: [
      'Kính gửi đồng chí,',
      '',
      `Nhiệm vụ do ${d.leadUnitName} chủ trì sắp đến hạn hoàn thành ngày ${vnDay(d.deadlineOn)}:`,
      d.content,
      '',
      'Đề nghị đồng chí đôn đốc thực hiện và cập nhật tiến độ. Mở nhiệm vụ:',
      d.staffUrl,
      '',
      'Thư tự động từ hệ thống Chính quyền số.',
    ].join('\n'),
    sms: fitSms(`Nhiệm vụ sắp đến hạn ${vnDay(d.deadlineOn)}: ${brief(d.content, 90)}`),
  }),
  'task.overdue': (d: z.output<(typeof templateSchemas)['task.overdue']>) => ({
    subject: `Nhiệm vụ quá hạn từ ${vnDay(d.deadlineOn)}: ${brief(d.content, 80)}`,
    text: [
      'Kính gửi đồng chí,',
      '',
      `Nhiệm vụ do ${d.leadUnitName} chủ trì đã quá hạn (hạn hoàn thành ${vnDay(d.deadlineOn)}):`,
      d.content,
      '',
      'Đề nghị đồng chí chỉ đạo khẩn trương hoàn thành và báo cáo tiến độ. Mở nhiệm vụ:',
      d.staffUrl,
      '',
      'Thư tự động từ hệ thống Chính quyền số.',
    ].join('\n'),
    sms: fitSms(`Nhiệm vụ quá hạn từ ${vnDay(d.deadlineOn)}: ${brief(d.content, 90)}`),
  }),
};

type Renderers = {
  [T in TemplateName]: (d: z.output<(typeof templateSchemas)[T]>) => RenderedMessage;
};

const renderers: Renderers = {
  ...reportRenderers,
  ...taskRenderers,
  'dossier.received': (d) => ({
    subject: `Đã tiếp nhận hồ sơ ${d.code}`,
    text: [
      greeting(d.applicantName),
      '',
      'Hồ sơ của Ông/Bà đã được tiếp nhận.',
      '',
      `Mã hồ sơ: ${d.code}`,
      `Thủ tục: ${d.procedureName}`,
      `Ngày hẹn trả kết quả: ${formatVnDateTime(d.dueAt)}`,
      '',
      'Ông/Bà có thể xem tình trạng hồ sơ bằng mã hồ sơ và số điện thoại tại:',
      d.lookupUrl,
      ...(d.receiptUrl
        ? [
            '',
            'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01), tải về sau khi đăng nhập tài khoản đã nộp hồ sơ:',
            d.receiptUrl,
          ]
        : []),
      '',
      'Xin giữ mã hồ sơ để tra cứu và khi đến nhận kết quả.',
      signature(d.unitName),
    ].join('\n'),
    sms: fitSms(
      `Đã tiếp nhận hồ sơ ${d.code}. Hẹn trả kết quả: ${formatVnDateTime(d.dueAt)}. Tra cứu: ${d.lookupUrl}`,
      `Đã tiếp nhận hồ sơ ${d.code}. Hẹn trả: ${formatVnDateTime(d.dueAt)}.`,
    ),
  }),

  'dossier.completion_requested': (d) => ({
    subject: `Hồ sơ ${d.code} cần bổ sung giấy tờ`,
    text: [
      greeting(d.applicantName),
      '',
      `Hồ sơ ${d.code} (${d.procedureName}) cần được bổ sung trước khi tiếp tục giải quyết.`,
      '',
      `Lý do: ${d.reason}`,
      '',
      'Giấy tờ cần bổ sung:',
      ...d.items.map((i) => `- ${i}`),
      '',
      'Thời gian giải quyết tạm dừng cho đến khi Ông/Bà nộp đủ giấy tờ bổ sung.',
      'Ông/Bà nộp bổ sung tại nơi đã nộp hồ sơ. Xem chi tiết tại:',
      d.lookupUrl,
      signature(d.unitName),
    ].join('\n'),
    sms: fitSms(
      `Hồ sơ ${d.code} cần bổ sung: ${d.items.join('; ')}. Chi tiết: ${d.lookupUrl}`,
      `Hồ sơ ${d.code} cần bổ sung giấy tờ. Chi tiết: ${d.lookupUrl}`,
      `Hồ sơ ${d.code} cần bổ sung giấy tờ. Vui lòng xem thư hoặc liên hệ nơi nộp hồ sơ.`,
    ),
  }),

  'dossier.fee_paid': (d) => ({
    subject: `Đã nhận lệ phí hồ sơ ${d.code}`,
    text: [
      greeting(d.applicantName),
      '',
      `Cơ quan đã nhận ${d.amount.toLocaleString('vi-VN')} đồng phí, lệ phí của hồ sơ ${d.code} (${d.procedureName}).`,
      `Biên lai điện tử số ${d.receiptNumber}; Ông/Bà xem và tải biên lai tại trang tra cứu hồ sơ:`,
      d.lookupUrl,
      signature(d.unitName),
    ].join('\n'),
    sms: fitSms(
      `Đã nhận ${d.amount.toLocaleString('vi-VN')}đ lệ phí hồ sơ ${d.code}, biên lai ${d.receiptNumber}. Tra cứu: ${d.lookupUrl}`,
      `Đã nhận lệ phí hồ sơ ${d.code}, biên lai ${d.receiptNumber}.`,
    ),
  }),
  'dossier.result_ready': (d) => {
    const place = d.place ?? 'Bộ phận Tiếp nhận và Trả kết quả, nơi Ông/Bà đã nộp hồ sơ';
    const how = {
      direct: [
        `Mời Ông/Bà đến nhận kết quả tại ${place}.`,
        'Khi đến, xin mang theo giấy hẹn trả kết quả và căn cước.',
      ],
      postal: ['Kết quả sẽ được gửi qua bưu điện đến địa chỉ Ông/Bà đã đăng ký.'],
      electronic: ['Ông/Bà tải kết quả điện tử tại:', d.resultUrl ?? d.lookupUrl],
    }[d.method];
    const smsHow = {
      direct: `Mời Ông/Bà đến nhận tại ${place}, mang theo giấy hẹn và căn cước.`,
      postal: 'Kết quả sẽ được gửi qua bưu điện.',
      electronic: `Tải kết quả: ${d.resultUrl ?? d.lookupUrl}`,
    }[d.method];
    return {
      subject: `Đã có kết quả hồ sơ ${d.code}`,
      text: [
        greeting(d.applicantName),
        '',
        `Hồ sơ ${d.code} (${d.procedureName}) đã có kết quả.`,
        '',
        ...how,
        '',
        'Xem tình trạng hồ sơ tại:',
        d.lookupUrl,
        signature(d.unitName),
      ].join('\n'),
      sms: fitSms(
        `Hồ sơ ${d.code} đã có kết quả. ${smsHow}`,
        d.method === 'direct'
          ? `Hồ sơ ${d.code} đã có kết quả. Mời Ông/Bà đến nhận, mang theo giấy hẹn và căn cước.`
          : `Hồ sơ ${d.code} đã có kết quả. Chi tiết: ${d.lookupUrl}`,
      ),
    };
  },

  'dossier.overdue': (d) => ({
    subject: `Hồ sơ ${d.code} đã quá hạn giải quyết`,
    text: [
      'Kính gửi đồng chí,',
      '',
      `Hồ sơ ${d.code} (${d.procedureName}) đã quá hạn giải quyết từ ${formatVnDateTime(d.dueAt)}.`,
      ...(d.assigneeName ? [`Người đang xử lý: ${d.assigneeName}.`] : []),
      '',
      'Đề nghị khẩn trương giải quyết. Nếu chưa thể trả kết quả, cần lập phiếu xin lỗi và',
      'hẹn lại ngày trả kết quả gửi người nộp hồ sơ.',
      '',
      'Mở hồ sơ:',
      d.staffUrl,
      '',
      'Thư tự động từ hệ thống Chính quyền số.',
    ].join('\n'),
    sms: fitSms(
      `Hồ sơ ${d.code} đã quá hạn từ ${formatVnDateTime(d.dueAt)}. Đề nghị khẩn trương xử lý: ${d.staffUrl}`,
      `Hồ sơ ${d.code} đã quá hạn từ ${formatVnDateTime(d.dueAt)}. Đề nghị khẩn trương xử lý.`,
    ),
  }),

  'dossier.late_apology': (d) => ({
    subject: `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${d.code}`,
    text: [
      greeting(d.applicantName),
      '',
      `Chúng tôi thành thật xin lỗi vì hồ sơ ${d.code} (${d.procedureName}) chưa được giải quyết xong đúng hẹn.`,
      ...(d.reason ? [`Lý do: ${d.reason}`] : []),
      '',
      'Phiếu xin lỗi và hẹn lại ngày trả kết quả đã được gửi đến Ông/Bà.',
      `Ngày hẹn trả kết quả mới: ${formatVnDateTime(d.newDueAt)}.`,
      '',
      'Mong Ông/Bà thông cảm. Xem tình trạng hồ sơ tại:',
      d.lookupUrl,
      signature(d.unitName),
    ].join('\n'),
    sms: fitSms(
      `Xin lỗi Ông/Bà: hồ sơ ${d.code} chưa xong đúng hẹn. Hẹn trả mới: ${formatVnDateTime(d.newDueAt)}. Tra cứu: ${d.lookupUrl}`,
      `Xin lỗi Ông/Bà: hồ sơ ${d.code} chưa xong đúng hẹn. Hẹn trả mới: ${formatVnDateTime(d.newDueAt)}.`,
    ),
  }),
};

/**
 * Renders a template; throws a ZodError when the data is incomplete (a bug in the caller,
 * found by its tests). Output is NFC so the same words compare and search equal.
 */
export function renderTemplate<T extends TemplateName>(
  name: T,
  data: TemplateData<T>,
): RenderedMessage {
  const schema = templateSchemas[name] as unknown as z.ZodType<unknown>;
  const render = renderers[name] as (d: unknown) => RenderedMessage;
  const m = render(schema.parse(data));
  return {
    // A subject is one header line: a newline in the data must not start another header.
    subject: m.subject.replace(/\s+/g, ' ').trim().normalize('NFC'),
    text: m.text.normalize('NFC'),
    sms: m.sms.replace(/\s+/g, ' ').trim().normalize('NFC'),
  };
}
