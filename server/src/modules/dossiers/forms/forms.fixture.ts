// Sample data for the form tests: one dossier at a ward one-stop desk in Long Xuyên.
import type { DossierFormData, RegisterRow } from './form-data.js';

const at = (iso: string) => new Date(iso);

/** A complete DossierFormData with Vietnamese diacritics everywhere; override what a test needs. */
export function sampleFormData(overrides: Partial<DossierFormData> = {}): DossierFormData {
  return {
    code: 'H01.55.12-261123-0007',
    procedureCode: '1.001193',
    procedureName:
      'Đăng ký khai sinh kết hợp đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    parentAgencyName: 'UBND tỉnh An Giang',
    agencyName: 'UBND phường Mỹ Bình',
    place: 'Long Xuyên',
    applicant: {
      name: 'Nguyễn Thị Ánh',
      idNumber: '089186000123',
      phone: '0912345678',
      email: 'anh.nguyen@example.vn',
      address: 'Số 12 đường Trần Hưng Đạo, khóm Đông Thịnh 2, phường Mỹ Bình, tỉnh An Giang',
    },
    channel: 'direct',
    receivedAt: at('2026-11-23T02:15:00Z'), // 09:15 giờ Việt Nam
    dueAt: at('2026-11-27T09:30:00Z'), // 16:30 giờ Việt Nam
    newDueAt: at('2026-12-02T09:00:00Z'), // 16:00 giờ Việt Nam
    components: [
      { name: 'Tờ khai đăng ký khai sinh (theo mẫu)', copies: 1 },
      { name: 'Giấy chứng sinh do cơ sở y tế cấp', copies: 1, note: 'Bản chính' },
      { name: 'Giấy chứng nhận kết hôn của cha, mẹ', copies: 1, note: 'Bản sao có chứng thực' },
    ],
    feesDue: 50000,
    receiverName: 'Trần Văn Đức',
    trackingUrl: 'https://dichvucong.longxuyen.gov.vn/tra-cuu?ma=H01.55.12-261123-0007',
    reason: 'Hồ sơ thiếu giấy tờ chứng minh nơi cư trú của người mẹ.',
    items: [
      'Bản sao Giấy xác nhận thông tin về cư trú của người mẹ',
      'Bản chính tờ khai có chữ ký của người đi đăng ký',
    ],
    events: [
      {
        at: at('2026-11-23T02:15:00Z'),
        action: 'receive',
        label: 'Tiếp nhận hồ sơ',
        actorName: 'Trần Văn Đức',
        unitName: 'Bộ phận Một cửa',
      },
      {
        at: at('2026-11-23T03:00:00Z'),
        action: 'forward',
        label: 'Chuyển xử lý',
        actorName: 'Trần Văn Đức',
        unitName: 'Bộ phận Một cửa',
        note: 'Chuyển công chức tư pháp - hộ tịch',
      },
      {
        at: at('2026-11-25T08:00:00Z'),
        action: 'finish',
        label: 'Đã xử lý xong',
        actorName: 'Lê Thị Hồng',
        unitName: 'Tư pháp - Hộ tịch',
      },
    ],
    issuedAt: at('2026-11-23T02:20:00Z'),
    ...overrides,
  };
}

/** `n` handover events, one per hour, each with a distinct note ("Ghi chú số k"). */
export function manyEvents(n: number): DossierFormData['events'] {
  return Array.from({ length: n }, (_, k) => ({
    at: new Date(Date.UTC(2026, 10, 23, 2 + k)),
    action: 'forward',
    label: k % 2 ? 'Chuyển phòng chuyên môn thẩm định' : 'Tiếp nhận, kiểm tra hồ sơ',
    actorName: `Cán bộ Nguyễn Văn Số ${k + 1}`,
    unitName: 'Phòng Văn hóa - Xã hội',
    note: `Ghi chú số ${k + 1}`,
  }));
}

/** Register rows for form 07; the second is still open (no finish or return date). */
export function sampleRegisterRows(): RegisterRow[] {
  return [
    {
      index: 1,
      code: 'H01.55.12-261123-0007',
      procedureName: 'Đăng ký khai sinh',
      applicantName: 'Nguyễn Thị Ánh',
      address: 'Phường Mỹ Bình, An Giang',
      phone: '0912345678',
      receivedAt: at('2026-11-23T02:15:00Z'),
      dueAt: at('2026-11-27T09:30:00Z'),
      finishedAt: at('2026-11-25T08:00:00Z'),
      returnedAt: at('2026-11-26T01:00:00Z'),
      statusLabel: 'Đã trả kết quả',
      outcomeLabel: 'Trước hạn',
      note: '',
    },
    {
      index: 2,
      code: 'H01.55.12-261124-0001',
      procedureName: 'Chứng thực bản sao từ bản chính',
      applicantName: 'Công ty TNHH Hưng Phát',
      address: 'Phường Long Xuyên, An Giang',
      phone: '0296384512',
      receivedAt: at('2026-11-24T01:00:00Z'),
      dueAt: at('2026-11-24T09:00:00Z'),
      finishedAt: null,
      returnedAt: null,
      statusLabel: 'Đang xử lý',
      outcomeLabel: '',
      note: 'Chờ ký',
    },
  ];
}
