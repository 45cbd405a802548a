// Hộ tịch (civil status) changes, certificates and extracts. Codes and fees: see
// procedures.demo.ts.
import type { ProcedureInputData } from '@cqs/shared/procedures/index';
import {
  communeProcedure,
  declarant,
  field,
  form,
  formComponent,
  oneStop,
  paper,
} from './builders.js';
import { FIELD, LAW, LOCAL_FEE, sameDay } from './civil-status.js';

/** Civil-status changes, certificates and extracts (commune level). */
export const civilStatusRecordProcedures: ProcedureInputData[] = [
  communeProcedure({
    code: '1.004859',
    name: 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
    field: FIELD,
    processingTime: { value: 3, unit: 'working_days' },
    fees: [
      {
        name: 'Lệ phí thay đổi, cải chính, bổ sung thông tin hộ tịch',
        amount: 15000,
        note: LOCAL_FEE,
      },
    ],
    result: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch',
    legalBasis: LAW,
    onlineLevel: 'full',
    components: [
      formComponent(
        'to_khai',
        'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
        form(
          'Tờ khai thay đổi, cải chính, bổ sung thông tin hộ tịch',
          {
            nguoiDuocThayDoiHoTen: field.text(
              'Họ, chữ đệm, tên người được thay đổi, cải chính',
              100,
            ),
            nguoiDuocThayDoiNgaySinh: field.date('Ngày sinh'),
            nguoiDuocThayDoiCccd: field.cccd(
              'Số định danh cá nhân của người được thay đổi, cải chính',
            ),
            loaiYeuCau: field.choice('Nội dung yêu cầu', [
              'Thay đổi họ, chữ đệm, tên',
              'Cải chính hộ tịch',
              'Bổ sung thông tin hộ tịch',
              'Xác định lại dân tộc',
            ]),
            thongTinCu: field.longText('Thông tin trước khi thay đổi, cải chính'),
            thongTinMoi: field.longText('Thông tin sau khi thay đổi, cải chính'),
            lyDo: field.longText('Lý do'),
            ...declarant(),
          },
          [
            'nguoiDuocThayDoiHoTen',
            'nguoiDuocThayDoiNgaySinh',
            'loaiYeuCau',
            'thongTinCu',
            'thongTinMoi',
            'lyDo',
            'nguoiYeuCauHoTen',
            'nguoiYeuCauCccd',
          ],
        ),
      ),
      paper('giay_to_can_cu', 'Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung', {
        maxFiles: 5,
      }),
    ],
    steps: oneStop('commune', 'working_days', 1.5, 0.5),
  }),
  communeProcedure({
    code: '1.004873',
    name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    field: FIELD,
    processingTime: { value: 3, unit: 'working_days' },
    fees: [
      {
        name: 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân',
        amount: 0,
        note: `Miễn hoặc ${LOCAL_FEE.toLowerCase()}`,
      },
    ],
    result: 'Giấy xác nhận tình trạng hôn nhân (giá trị 06 tháng)',
    legalBasis: LAW,
    onlineLevel: 'full',
    components: [
      formComponent(
        'to_khai',
        'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
        form(
          'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
          {
            hoTen: field.text('Họ, chữ đệm, tên người được xác nhận', 100),
            ngaySinh: field.date('Ngày, tháng, năm sinh'),
            gioiTinh: field.sex(),
            cccd: field.cccd('Số định danh cá nhân của người được xác nhận'),
            noiCuTru: field.text('Nơi cư trú', 300),
            tinhTrang: field.choice('Tình trạng hôn nhân', [
              'Chưa đăng ký kết hôn với ai',
              'Đang có vợ/chồng',
              'Đã ly hôn',
              'Vợ/chồng đã chết',
            ]),
            mucDich: field.text('Mục đích sử dụng giấy xác nhận', 300),
            soBan: field.int('Số bản đề nghị cấp', 1, 10),
            dienThoai: field.phone(),
          },
          ['hoTen', 'ngaySinh', 'gioiTinh', 'cccd', 'noiCuTru', 'tinhTrang', 'mucDich', 'soBan'],
        ),
      ),
      paper(
        'giay_to_ly_hon',
        'Bản sao bản án, quyết định ly hôn hoặc giấy chứng tử của vợ/chồng (nếu có)',
        { required: false },
      ),
    ],
    steps: oneStop('commune', 'working_days', 1.5, 0.5),
  }),
  communeProcedure({
    code: '2.000635',
    name: 'Cấp bản sao trích lục hộ tịch',
    field: FIELD,
    processingTime: { value: 4, unit: 'working_hours' },
    fees: [{ name: 'Phí cấp bản sao trích lục hộ tịch', amount: 8000, note: 'Mỗi bản sao' }],
    result: 'Bản sao trích lục hộ tịch',
    legalBasis: `${LAW}; Thông tư số 281/2016/TT-BTC`,
    onlineLevel: 'full',
    components: [
      formComponent(
        'to_khai',
        'Tờ khai cấp bản sao trích lục hộ tịch',
        form(
          'Tờ khai cấp bản sao trích lục hộ tịch',
          {
            loaiTrichLuc: field.choice('Loại trích lục', [
              'Khai sinh',
              'Kết hôn',
              'Khai tử',
              'Thay đổi, cải chính hộ tịch',
              'Nhận cha, mẹ, con',
            ]),
            nguoiCoThongTinHoTen: field.text('Họ, chữ đệm, tên người có thông tin hộ tịch', 100),
            nguoiCoThongTinNgaySinh: field.date('Ngày sinh của người có thông tin hộ tịch'),
            soDangKy: field.text('Số đăng ký (nếu biết)', 50),
            ngayDangKy: field.date('Ngày đăng ký (nếu biết)'),
            soBan: field.int('Số bản sao đề nghị cấp', 1, 20),
            ...declarant(),
          },
          [
            'loaiTrichLuc',
            'nguoiCoThongTinHoTen',
            'nguoiCoThongTinNgaySinh',
            'soBan',
            'nguoiYeuCauHoTen',
            'nguoiYeuCauCccd',
          ],
        ),
      ),
    ],
    steps: sameDay(),
  }),
  communeProcedure({
    code: '1.001022',
    name: 'Đăng ký nhận cha, mẹ, con',
    field: FIELD,
    processingTime: { value: 3, unit: 'working_days' },
    fees: [{ name: 'Lệ phí đăng ký nhận cha, mẹ, con', amount: 15000, note: LOCAL_FEE }],
    result: 'Trích lục đăng ký nhận cha, mẹ, con',
    legalBasis: LAW,
    onlineLevel: 'partial',
    components: [
      formComponent(
        'to_khai',
        'Tờ khai đăng ký nhận cha, mẹ, con',
        form(
          'Tờ khai đăng ký nhận cha, mẹ, con',
          {
            loaiNhan: field.choice('Loại việc nhận', [
              'Cha nhận con',
              'Mẹ nhận con',
              'Con nhận cha',
              'Con nhận mẹ',
            ]),
            benNhanHoTen: field.text('Họ, chữ đệm, tên bên nhận', 100),
            benNhanCccd: field.cccd('Số định danh cá nhân bên nhận'),
            benDuocNhanHoTen: field.text('Họ, chữ đệm, tên bên được nhận', 100),
            benDuocNhanNgaySinh: field.date('Ngày sinh bên được nhận'),
            benDuocNhanCccd: field.cccd('Số định danh cá nhân bên được nhận'),
            dienThoai: field.phone(),
          },
          ['loaiNhan', 'benNhanHoTen', 'benNhanCccd', 'benDuocNhanHoTen', 'benDuocNhanNgaySinh'],
        ),
      ),
      paper(
        'chung_cu',
        'Văn bản của cơ quan y tế, cơ quan giám định xác nhận quan hệ cha, mẹ, con hoặc chứng cứ khác',
      ),
    ],
    steps: oneStop('commune', 'working_days', 1.5, 0.5),
  }),
];
