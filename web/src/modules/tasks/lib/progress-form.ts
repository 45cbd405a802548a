// The progress form's rules (percent 0–100 whole, a report text) with Vietnamese messages,
// checked before sending; the server checks again and its problem+json wins.

export interface ProgressDraft {
  percent: string;
  text: string;
  /** With 100 %: the task is finished (hoàn thành). */
  done?: boolean;
}

export interface ProgressErrors {
  percent?: string;
  text?: string;
  done?: string;
}

/** The report, or the messages that keep it from being sent. */
export function validateProgress(
  draft: ProgressDraft,
  previousPercent = 0,
):
  | { ok: true; value: { percent: number; text: string; done: boolean } }
  | { ok: false; errors: ProgressErrors } {
  const errors: ProgressErrors = {};
  const raw = draft.percent.trim().replace(/%$/, '').trim();
  const percent = Number(raw);
  if (raw === '') errors.percent = 'Nhập tỷ lệ hoàn thành (từ 0 đến 100).';
  else if (!/^\d+$/.test(raw) || !Number.isInteger(percent))
    errors.percent = 'Tỷ lệ hoàn thành là số nguyên từ 0 đến 100.';
  else if (percent > 100) errors.percent = 'Tỷ lệ hoàn thành không quá 100%.';
  else if (percent < previousPercent)
    errors.percent = `Tỷ lệ hoàn thành không thấp hơn lần báo cáo trước (${previousPercent}%).`;
  const text = draft.text.trim();
  if (text.length === 0) errors.text = 'Nhập nội dung kết quả thực hiện.';
  else if (text.length < 10) errors.text = 'Nội dung kết quả quá ngắn (ít nhất 10 ký tự).';
  else if (text.length > 4000) errors.text = 'Nội dung kết quả không quá 4.000 ký tự.';
  const done = draft.done === true;
  // The server finishes a task only at 100 % (tasks.progress.ts).
  if (done && !errors.percent && percent !== 100)
    errors.done = 'Chỉ báo hoàn thành khi tỷ lệ hoàn thành là 100%.';
  if (errors.percent || errors.text || errors.done) return { ok: false, errors };
  return { ok: true, value: { percent, text, done } };
}
