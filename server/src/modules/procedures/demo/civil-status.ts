// Hộ tịch (civil status) registrations of the commune People's Committee: birth, marriage,
// death, late birth registration. Codes and fees: see procedures.demo.ts.
import type { ProcedureInputData } from '@cqs/shared/procedures/index';
import {
  communeProcedure,
  declarant,
  field,
  form,
  formComponent,
  oneStop,
  paper,
  steps,
} from './builders.js';

export const FIELD = 'Hộ tịch';
export const LAW =
  'Luật Hộ tịch số 60/2014/QH13; Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch; Thông tư số 04/2020/TT-BTP; Thông tư số 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền HĐND tỉnh';
export const LOCAL_FEE = 'Mức thu theo Nghị quyết của Hội đồng nhân dân tỉnh';

/** "Ngay trong ngày" (same day; next working day if received after 15:00) as 4 working hours. */
export const sameDay = () =>
  steps('commune', 'working_hours', [
    ['desk_officer', 'Tiếp nhận, kiểm tra hồ sơ', 0.5],
    ['specialist', 'Công chức tư pháp – hộ tịch kiểm tra, ghi sổ, trình ký', 2],
    ['leader', 'Chủ tịch UBND cấp xã ký kết quả', 1],
    ['desk_officer', 'Trả kết quả', 0.5],
  ]);

const child = {
  treHoTen: { type: 'string', title: 'Họ, chữ đệm, tên của trẻ', minLength: 2, maxLength: 100 },
  treNgaySinh: field.date('Ngày, tháng, năm sinh'),
  treGioiTinh: field.sex(),
  treDanToc: field.text('Dân tộc', 50),
  treQuocTich: field.text('Quốc tịch', 50),
  treNoiSinh: field.text('Nơi sinh', 300, 'Tên cơ sở y tế, hoặc xã/phường và tỉnh/thành phố'),
  treQueQuan: field.text('Quê quán', 300),
} as const;

const parents = {
  meHoTen: field.text('Họ, chữ đệm, tên của mẹ', 100),
  meNamSinh: field.int('Năm sinh của mẹ', 1900, 2100),
  meCccd: field.cccd('Số định danh cá nhân của mẹ'),
  chaHoTen: field.text('Họ, chữ đệm, tên của cha', 100),
  chaNamSinh: field.int('Năm sinh của cha', 1900, 2100),
  chaCccd: field.cccd('Số định danh cá nhân của cha'),
} as const;

const spouse = (side: 'Nu' | 'Nam', label: string) => ({
  [`ben${side}HoTen`]: field.text(`Họ, chữ đệm, tên bên ${label}`, 100),
  [`ben${side}NgaySinh`]: field.date(`Ngày sinh bên ${label}`),
  [`ben${side}DanToc`]: field.text(`Dân tộc bên ${label}`, 50),
  [`ben${side}QuocTich`]: field.text(`Quốc tịch bên ${label}`, 50),
  [`ben${side}Cccd`]: field.cccd(`Số định danh cá nhân bên ${label}`),
  [`ben${side}NoiCuTru`]: field.text(`Nơi cư trú bên ${label}`, 300),
  [`ben${side}LanKetHon`]: field.int(`Kết hôn lần thứ mấy (bên ${label})`, 1, 10),
});

/** Civil-status procedures (commune level). */
/** Civil-status registrations (commune level). */
export const civilStatusProcedures: ProcedureInputData[] = [
  communeProcedure({
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    field: FIELD,
    processingTime: { value: 4, unit: 'working_hours' },
    fees: [
      {
        name: 'Lệ phí đăng ký khai sinh',
        amount: 0,
        note: 'Miễn lệ phí khi đăng ký đúng hạn (trong 60 ngày kể từ ngày sinh)',
      },
    ],
    result: 'Giấy khai sinh (bản chính và bản điện tử)',
    legalBasis: LAW,
    onlineLevel: 'full',
    components: [
      formComponent(
        'to_khai',
        'Tờ khai đăng ký khai sinh',
        form(
          'Tờ khai đăng ký khai sinh',
          {
            ...child,
            ...parents,
            ...declarant(),
            quanHeVoiTre: field.choice('Quan hệ với người được khai sinh', [
              'Cha',
              'Mẹ',
              'Ông',
              'Bà',
              'Người thân thích khác',
            ]),
          },
          [
            'treHoTen',
            'treNgaySinh',
            'treGioiTinh',
            'treDanToc',
            'treQuocTich',
            'treNoiSinh',
            'meHoTen',
            'nguoiYeuCauHoTen',
            'nguoiYeuCauCccd',
            'quanHeVoiTre',
          ],
        ),
      ),
      paper(
        'giay_chung_sinh',
        'Giấy chứng sinh (hoặc văn bản của người làm chứng xác nhận việc sinh)',
      ),
      paper('uy_quyen', 'Văn bản ủy quyền có chứng thực (trường hợp ủy quyền đăng ký)', {
        required: false,
      }),
    ],
    steps: sameDay(),
  }),
  communeProcedure({
    code: '1.000894',
    name: 'Đăng ký kết hôn',
    field: FIELD,
    processingTime: { value: 4, unit: 'working_hours' },
    fees: [
      {
        name: 'Lệ phí đăng ký kết hôn',
        amount: 0,
        note: 'Miễn lệ phí đối với công dân Việt Nam cư trú ở trong nước',
      },
    ],
    result: 'Giấy chứng nhận kết hôn',
    legalBasis: LAW,
    onlineLevel: 'partial',
    components: [
      formComponent(
        'to_khai',
        'Tờ khai đăng ký kết hôn',
        form(
          'Tờ khai đăng ký kết hôn',
          { ...spouse('Nu', 'nữ'), ...spouse('Nam', 'nam'), nguoiYeuCauDienThoai: field.phone() },
          [
            'benNuHoTen',
            'benNuNgaySinh',
            'benNuCccd',
            'benNuNoiCuTru',
            'benNamHoTen',
            'benNamNgaySinh',
            'benNamCccd',
            'benNamNoiCuTru',
          ],
        ),
      ),
      paper(
        'xac_nhan_hon_nhan',
        'Giấy xác nhận tình trạng hôn nhân (khi đăng ký tại nơi không phải nơi thường trú)',
        { required: false },
      ),
    ],
    steps: sameDay(),
  }),
  communeProcedure({
    code: '1.000656',
    name: 'Đăng ký khai tử',
    field: FIELD,
    processingTime: { value: 4, unit: 'working_hours' },
    fees: [{ name: 'Lệ phí đăng ký khai tử', amount: 0, note: 'Miễn lệ phí khi đăng ký đúng hạn' }],
    result: 'Trích lục khai tử',
    legalBasis: LAW,
    onlineLevel: 'full',
    components: [
      formComponent(
        'to_khai',
        'Tờ khai đăng ký khai tử',
        form(
          'Tờ khai đăng ký khai tử',
          {
            nguoiChetHoTen: field.text('Họ, chữ đệm, tên người đã chết', 100),
            nguoiChetNgaySinh: field.date('Ngày, tháng, năm sinh'),
            nguoiChetGioiTinh: field.sex(),
            nguoiChetCccd: field.cccd('Số định danh cá nhân của người đã chết'),
            ngayChet: field.date('Ngày chết'),
            noiChet: field.text('Nơi chết', 300),
            nguyenNhan: field.text('Nguyên nhân chết', 300),
            ...declarant(),
            quanHe: field.text('Quan hệ với người đã chết', 50),
          },
          [
            'nguoiChetHoTen',
            'nguoiChetNgaySinh',
            'nguoiChetGioiTinh',
            'ngayChet',
            'noiChet',
            'nguoiYeuCauHoTen',
            'nguoiYeuCauCccd',
            'quanHe',
          ],
        ),
      ),
      paper('giay_bao_tu', 'Giấy báo tử hoặc giấy tờ thay thế giấy báo tử'),
    ],
    steps: sameDay(),
  }),
  communeProcedure({
    code: '1.004884',
    name: 'Đăng ký lại khai sinh',
    field: FIELD,
    processingTime: { value: 5, unit: 'working_days' },
    fees: [{ name: 'Lệ phí đăng ký lại khai sinh', amount: 5000, note: LOCAL_FEE }],
    result: 'Giấy khai sinh (có ghi chú "Đăng ký lại")',
    legalBasis: LAW,
    onlineLevel: 'partial',
    components: [
      formComponent(
        'to_khai',
        'Tờ khai đăng ký lại khai sinh',
        form(
          'Tờ khai đăng ký lại khai sinh',
          {
            ...child,
            ...parents,
            noiDaDangKy: field.text('Nơi đã đăng ký khai sinh trước đây', 300),
            lyDo: field.longText('Lý do đăng ký lại'),
            ...declarant(),
          },
          [
            'treHoTen',
            'treNgaySinh',
            'treGioiTinh',
            'treNoiSinh',
            'noiDaDangKy',
            'lyDo',
            'nguoiYeuCauHoTen',
            'nguoiYeuCauCccd',
          ],
        ),
      ),
      paper(
        'giay_to_khai_sinh',
        'Bản sao giấy tờ có thông tin khai sinh (sổ hộ khẩu cũ, học bạ, bằng tốt nghiệp…)',
        { maxFiles: 5 },
      ),
    ],
    steps: oneStop('commune', 'working_days', 3, 1),
  }),
];
