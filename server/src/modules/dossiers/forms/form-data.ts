/**
 * What the one-stop-shop forms (Thông tư 03/2025/TT-VPCP, forms 01–07) need to know about a
 * dossier. The dossiers service builds this; the renderers only lay it out.
 */
export type FormNo = '01' | '02' | '03' | '04' | '05' | '06';

export interface DossierFormData {
  code: string;
  procedureCode: string;
  procedureName: string;
  /** Upper line of the issuing body, e.g. "UBND THÀNH PHỐ LONG XUYÊN". */
  parentAgencyName: string;
  /** The receiving body, e.g. "UBND PHƯỜNG MỸ BÌNH" / "BỘ PHẬN MỘT CỬA". */
  agencyName: string;
  /** Place name for "…, ngày … tháng … năm …", e.g. "Long Xuyên". */
  place: string;
  applicant: { name: string; idNumber?: string; phone?: string; email?: string; address?: string };
  channel: 'direct' | 'online' | 'postal';
  receivedAt: Date;
  dueAt: Date;
  /** Form 04: the new appointment. */
  newDueAt?: Date;
  /** Dossier components received (form 01) with the number of copies. */
  components: { name: string; copies: number; note?: string }[];
  feesDue: number;
  /** The desk officer who received it (form 01 signature). */
  receiverName: string;
  /** Form 02: the desk's phone number for questions ("liên hệ … số điện thoại …"). */
  contactPhone?: string;
  /** Public tracking page; form 01 prints it as a QR code. */
  trackingUrl: string;
  /** Forms 02/03/04/05: the reason; 02: what must be added. */
  reason?: string;
  items?: string[];
  /** Form 06: every handover, in order. */
  events: {
    at: Date;
    action: string;
    label: string;
    actorName: string;
    unitName: string;
    note?: string;
  }[];
  /** Today for the date line (injected clock). */
  issuedAt: Date;
}

/** One row of form 07, the dossier register (Sổ theo dõi hồ sơ). */
export interface RegisterRow {
  index: number;
  code: string;
  procedureName: string;
  applicantName: string;
  address: string;
  phone: string;
  receivedAt: Date;
  dueAt: Date;
  finishedAt: Date | null;
  returnedAt: Date | null;
  statusLabel: string;
  outcomeLabel: string;
  note: string;
}
