// Bảo trợ xã hội (social protection) and Người có công (people with meritorious services)
// procedures. Codes and fees: see procedures.demo.ts.
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

const SOCIAL = 'Bảo trợ xã hội';
const SOCIAL_LAW =
  'Nghị định số 20/2021/NĐ-CP quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội; Nghị định số 76/2024/NĐ-CP sửa đổi, bổ sung';

const beneficiary = {
  doiTuongHoTen: field.text('Họ, chữ đệm, tên đối tượng', 100),
  doiTuongNgaySinh: field.date('Ngày, tháng, năm sinh'),
  doiTuongGioiTinh: field.sex(),
  doiTuongCccd: field.cccd('Số định danh cá nhân của đối tượng'),
  doiTuongNoiCuTru: field.text('Nơi cư trú', 300),
};
const payment = {
  hinhThucNhan: field.choice('Hình thức nhận trợ cấp', [
    'Nhận tiền mặt tại điểm chi trả',
    'Chuyển khoản vào tài khoản ngân hàng',
  ]),
  soTaiKhoan: { type: 'string', title: 'Số tài khoản ngân hàng', pattern: '^\\d{6,20}$' },
  nganHang: field.text('Ngân hàng', 200),
} as const;

/** Social-protection and meritorious-people procedures. */
export const socialProcedures: ProcedureInputData[] = [
  communeProcedure({
    code: '1.001776',
    name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng',
    field: SOCIAL,
    processingTime: { value: 15, unit: 'working_days' },
    fees: [],
    result: 'Quyết định trợ cấp xã hội hằng tháng (hoặc điều chỉnh, thôi hưởng)',
    legalBasis: SOCIAL_LAW,
    onlineLevel: 'full',
    components: [
      formComponent(
        'to_khai',
        'Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a, 1b, 1c, 1d, 1đ ban hành kèm Nghị định số 20/2021/NĐ-CP)',
        form(
          'Tờ khai đề nghị trợ giúp xã hội',
          {
            ...beneficiary,
            dienDoiTuong: field.choice('Diện đối tượng', [
              'Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng',
              'Người đơn thân nghèo đang nuôi con',
              'Người cao tuổi',
              'Người khuyết tật đặc biệt nặng, khuyết tật nặng',
              'Người nhiễm HIV/AIDS thuộc hộ nghèo',
            ]),
            deNghi: field.choice('Đề nghị', [
              'Thực hiện trợ cấp',
              'Điều chỉnh mức trợ cấp',
              'Thôi hưởng trợ cấp',
            ]),
            coTheBhyt: field.yesNo('Đã có thẻ bảo hiểm y tế'),
            ...payment,
          },
          [
            'doiTuongHoTen',
            'doiTuongNgaySinh',
            'doiTuongGioiTinh',
            'doiTuongNoiCuTru',
            'dienDoiTuong',
            'deNghi',
            'hinhThucNhan',
          ],
        ),
      ),
      paper(
        'giay_xac_nhan_khuyet_tat',
        'Bản sao Giấy xác nhận khuyết tật (đối với người khuyết tật)',
        { required: false },
      ),
    ],
    steps: steps('commune', 'working_days', [
      ['desk_officer', 'Tiếp nhận hồ sơ', 0.5],
      [
        'specialist',
        'Công chức văn hóa – xã hội xác minh, trình Hội đồng xét duyệt, niêm yết công khai',
        8,
      ],
      ['leader', 'Chủ tịch UBND cấp xã quyết định trợ cấp', 5],
      ['desk_officer', 'Trả kết quả', 0.5],
    ]),
  }),
  communeProcedure({
    code: '1.001731',
    name: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội',
    field: SOCIAL,
    processingTime: { value: 5, unit: 'working_days' },
    fees: [],
    result: 'Quyết định hỗ trợ chi phí mai táng',
    legalBasis: SOCIAL_LAW,
    onlineLevel: 'full',
    components: [
      formComponent(
        'to_khai',
        'Tờ khai đề nghị hỗ trợ chi phí mai táng (Mẫu số 04 ban hành kèm Nghị định số 20/2021/NĐ-CP)',
        form(
          'Tờ khai đề nghị hỗ trợ chi phí mai táng',
          {
            nguoiChetHoTen: field.text('Họ, chữ đệm, tên người đã chết', 100),
            nguoiChetNgaySinh: field.date('Ngày sinh'),
            ngayChet: field.date('Ngày chết'),
            dienDoiTuong: field.text('Diện đối tượng bảo trợ xã hội của người đã chết', 300),
            ...declarant(),
            ...payment,
          },
          [
            'nguoiChetHoTen',
            'ngayChet',
            'dienDoiTuong',
            'nguoiYeuCauHoTen',
            'nguoiYeuCauCccd',
            'hinhThucNhan',
          ],
        ),
      ),
      paper('trich_luc_khai_tu', 'Bản sao giấy báo tử hoặc trích lục khai tử'),
    ],
    steps: oneStop('commune', 'working_days', 3, 1),
  }),
  communeProcedure({
    code: '1.001699',
    name: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
    field: SOCIAL,
    processingTime: { value: 25, unit: 'working_days' },
    fees: [],
    result: 'Giấy xác nhận khuyết tật',
    legalBasis:
      'Luật Người khuyết tật năm 2010; Nghị định số 28/2012/NĐ-CP; Thông tư số 01/2019/TT-BLĐTBXH quy định việc xác định mức độ khuyết tật do Hội đồng xác định mức độ khuyết tật thực hiện',
    onlineLevel: 'partial',
    components: [
      formComponent(
        'don_de_nghi',
        'Đơn đề nghị xác định, xác định lại mức độ khuyết tật',
        form(
          'Đơn đề nghị xác định mức độ khuyết tật',
          {
            ...beneficiary,
            dangKhuyetTat: field.choice('Dạng khuyết tật', [
              'Khuyết tật vận động',
              'Khuyết tật nghe, nói',
              'Khuyết tật nhìn',
              'Khuyết tật thần kinh, tâm thần',
              'Khuyết tật trí tuệ',
              'Khuyết tật khác',
            ]),
            deNghi: field.choice('Nội dung đề nghị', [
              'Xác định lần đầu',
              'Xác định lại',
              'Cấp đổi giấy xác nhận',
              'Cấp lại giấy xác nhận',
            ]),
            ...declarant(),
          },
          [
            'doiTuongHoTen',
            'doiTuongNgaySinh',
            'doiTuongGioiTinh',
            'doiTuongNoiCuTru',
            'dangKhuyetTat',
            'deNghi',
            'nguoiYeuCauHoTen',
          ],
        ),
      ),
      paper(
        'giay_to_y_te',
        'Bản sao kết luận của Hội đồng Giám định y khoa, giấy tờ khám chữa bệnh (nếu có)',
        { required: false, maxFiles: 10 },
      ),
    ],
    steps: steps('commune', 'working_days', [
      ['desk_officer', 'Tiếp nhận hồ sơ', 0.5],
      [
        'specialist',
        'Hội đồng xác định mức độ khuyết tật triệu tập, quan sát, phỏng vấn, lập biên bản',
        20,
      ],
      ['leader', 'Chủ tịch UBND cấp xã cấp Giấy xác nhận khuyết tật', 4],
      ['desk_officer', 'Trả kết quả', 0.5],
    ]),
  }),
  {
    code: '1.010833',
    name: 'Giải quyết chế độ mai táng phí, trợ cấp một lần khi người có công với cách mạng từ trần',
    field: 'Người có công',
    implementingAgency: 'Sở Nội vụ (tiếp nhận tại Ủy ban nhân dân cấp xã)',
    level: 'province',
    processingTime: { value: 17, unit: 'working_days' },
    fees: [],
    result: 'Quyết định trợ cấp mai táng phí và trợ cấp một lần',
    legalBasis:
      'Pháp lệnh Ưu đãi người có công với cách mạng năm 2020; Nghị định số 131/2021/NĐ-CP quy định chi tiết và biện pháp thi hành Pháp lệnh Ưu đãi người có công với cách mạng',
    onlineLevel: 'partial',
    components: [
      formComponent(
        'ban_khai',
        'Bản khai của thân nhân đề nghị hưởng trợ cấp (Mẫu số 18 Phụ lục I Nghị định số 131/2021/NĐ-CP)',
        form(
          'Bản khai đề nghị hưởng mai táng phí, trợ cấp một lần',
          {
            nguoiCoCongHoTen: field.text('Họ, chữ đệm, tên người có công đã từ trần', 100),
            nguoiCoCongDien: field.choice('Diện người có công', [
              'Thương binh',
              'Bệnh binh',
              'Người hoạt động kháng chiến bị nhiễm chất độc hóa học',
              'Người có công giúp đỡ cách mạng',
              'Người hoạt động cách mạng trước năm 1945',
              'Khác',
            ]),
            ngayTuTran: field.date('Ngày từ trần'),
            ...declarant(),
            quanHe: field.text('Quan hệ với người có công', 50),
            ...payment,
          },
          [
            'nguoiCoCongHoTen',
            'nguoiCoCongDien',
            'ngayTuTran',
            'nguoiYeuCauHoTen',
            'nguoiYeuCauCccd',
            'quanHe',
            'hinhThucNhan',
          ],
        ),
      ),
      paper('trich_luc_khai_tu', 'Bản sao giấy báo tử hoặc trích lục khai tử'),
    ],
    steps: steps('province', 'working_days', [
      ['desk_officer', 'UBND cấp xã tiếp nhận, kiểm tra hồ sơ', 0.5, undefined, 'commune'],
      ['specialist', 'UBND cấp xã xác nhận bản khai, chuyển Sở Nội vụ', 4.5, undefined, 'commune'],
      ['specialist', 'Sở Nội vụ thẩm định hồ sơ', 8],
      ['leader', 'Giám đốc Sở ban hành quyết định', 3],
      ['desk_officer', 'Trả kết quả tại UBND cấp xã', 0.5, undefined, 'commune'],
    ]),
  },
];
