// Hộ kinh doanh (household business) procedures. Codes and fees: see procedures.demo.ts.
import type { ProcedureInputData } from '@cqs/shared/procedures/index';
import { communeProcedure, field, form, formComponent, oneStop, paper } from './builders.js';

const BIZ = 'Thành lập và hoạt động của hộ kinh doanh';
const BIZ_LAW =
  'Luật Doanh nghiệp năm 2020; Nghị định số 01/2021/NĐ-CP về đăng ký doanh nghiệp (chương hộ kinh doanh) và văn bản sửa đổi, thay thế; Thông tư số 02/2023/TT-BKHĐT; Thông tư số 85/2019/TT-BTC';
const BIZ_AGENCY = 'Ủy ban nhân dân cấp xã (cơ quan đăng ký kinh doanh cấp xã)';
const LOCAL_FEE =
  'Mức thu theo Nghị quyết của Hội đồng nhân dân tỉnh; miễn khi nộp hồ sơ trực tuyến (tùy tỉnh)';

const business = {
  tenHoKinhDoanh: field.text(
    'Tên hộ kinh doanh',
    200,
    'Gồm "Hộ kinh doanh" và tên riêng, ví dụ "Hộ kinh doanh Tạp hóa Minh An"',
  ),
  maSoThue: field.taxCode('Mã số hộ kinh doanh (mã số thuế)'),
};
const owner = {
  chuHoHoTen: field.text('Họ, chữ đệm, tên chủ hộ kinh doanh', 100),
  chuHoNgaySinh: field.date('Ngày sinh'),
  chuHoGioiTinh: field.sex(),
  chuHoCccd: field.cccd('Số định danh cá nhân của chủ hộ'),
  chuHoNoiCuTru: field.text('Nơi cư trú', 300),
  chuHoDienThoai: field.phone(),
  chuHoEmail: field.email(),
};
const bizSteps = () => oneStop('commune', 'working_days', 1.5, 0.5);

/** Household-business procedures. */
export const businessProcedures: ProcedureInputData[] = [
  communeProcedure({
    code: '2.000720',
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: BIZ,
    implementingAgency: BIZ_AGENCY,
    processingTime: { value: 3, unit: 'working_days' },
    fees: [{ name: 'Lệ phí đăng ký hộ kinh doanh', amount: 100000, note: LOCAL_FEE }],
    result: 'Giấy chứng nhận đăng ký hộ kinh doanh',
    legalBasis: BIZ_LAW,
    onlineLevel: 'full',
    components: [
      formComponent(
        'giay_de_nghi',
        'Giấy đề nghị đăng ký hộ kinh doanh',
        form(
          'Giấy đề nghị đăng ký hộ kinh doanh',
          {
            tenHoKinhDoanh: business.tenHoKinhDoanh,
            diaChiKinhDoanh: field.text('Địa chỉ trụ sở hộ kinh doanh', 300),
            nganhNghe: field.longText('Ngành, nghề kinh doanh'),
            vonKinhDoanh: field.money('Vốn kinh doanh (đồng)'),
            soLaoDong: field.int('Số lượng lao động', 0, 1000),
            ...owner,
          },
          [
            'tenHoKinhDoanh',
            'diaChiKinhDoanh',
            'nganhNghe',
            'vonKinhDoanh',
            'chuHoHoTen',
            'chuHoNgaySinh',
            'chuHoCccd',
            'chuHoNoiCuTru',
          ],
        ),
      ),
      paper(
        'bien_ban_hop',
        'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (nếu các thành viên cùng đăng ký)',
        { required: false },
      ),
      paper('hop_dong_thue', 'Bản sao hợp đồng thuê, mượn địa điểm kinh doanh (nếu có)', {
        required: false,
      }),
    ],
    steps: bizSteps(),
  }),
  communeProcedure({
    code: '2.000575',
    name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
    field: BIZ,
    implementingAgency: BIZ_AGENCY,
    processingTime: { value: 3, unit: 'working_days' },
    fees: [{ name: 'Lệ phí đăng ký thay đổi', amount: 50000, note: LOCAL_FEE }],
    result: 'Giấy chứng nhận đăng ký hộ kinh doanh (cấp đổi)',
    legalBasis: BIZ_LAW,
    onlineLevel: 'full',
    components: [
      formComponent(
        'thong_bao',
        'Thông báo thay đổi nội dung đăng ký hộ kinh doanh',
        form(
          'Thông báo thay đổi nội dung đăng ký hộ kinh doanh',
          {
            ...business,
            noiDungThayDoi: field.choice('Nội dung thay đổi', [
              'Tên hộ kinh doanh',
              'Địa chỉ trụ sở',
              'Ngành, nghề kinh doanh',
              'Vốn kinh doanh',
              'Chủ hộ kinh doanh',
              'Thông tin cá nhân của chủ hộ',
            ]),
            noiDungMoi: field.longText('Nội dung sau khi thay đổi'),
            chuHoHoTen: owner.chuHoHoTen,
            chuHoCccd: owner.chuHoCccd,
            chuHoDienThoai: owner.chuHoDienThoai,
          },
          ['tenHoKinhDoanh', 'maSoThue', 'noiDungThayDoi', 'noiDungMoi', 'chuHoHoTen', 'chuHoCccd'],
        ),
      ),
      paper('gcn_cu', 'Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh đã cấp', { required: false }),
    ],
    steps: bizSteps(),
  }),
  communeProcedure({
    code: '2.000644',
    name: 'Tạm ngừng hoạt động hộ kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo',
    field: BIZ,
    implementingAgency: BIZ_AGENCY,
    processingTime: { value: 3, unit: 'working_days' },
    fees: [],
    result: 'Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh',
    legalBasis: BIZ_LAW,
    onlineLevel: 'full',
    components: [
      formComponent(
        'thong_bao',
        'Thông báo về việc tạm ngừng kinh doanh hoặc tiếp tục kinh doanh trước thời hạn',
        form(
          'Thông báo tạm ngừng kinh doanh',
          {
            ...business,
            tuNgay: field.date('Tạm ngừng từ ngày'),
            denNgay: field.date('Đến ngày'),
            lyDo: field.longText('Lý do tạm ngừng'),
            chuHoHoTen: owner.chuHoHoTen,
            chuHoCccd: owner.chuHoCccd,
          },
          ['tenHoKinhDoanh', 'maSoThue', 'tuNgay', 'denNgay', 'chuHoHoTen', 'chuHoCccd'],
        ),
      ),
    ],
    steps: bizSteps(),
  }),
  communeProcedure({
    code: '2.000622',
    name: 'Chấm dứt hoạt động hộ kinh doanh',
    field: BIZ,
    implementingAgency: BIZ_AGENCY,
    processingTime: { value: 3, unit: 'working_days' },
    fees: [],
    result: 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh',
    legalBasis: BIZ_LAW,
    onlineLevel: 'full',
    components: [
      formComponent(
        'thong_bao',
        'Thông báo về việc chấm dứt hoạt động hộ kinh doanh',
        form(
          'Thông báo chấm dứt hoạt động hộ kinh doanh',
          {
            ...business,
            ngayChamDut: field.date('Ngày chấm dứt hoạt động'),
            lyDo: field.longText('Lý do'),
            daHoanThanhThue: field.yesNo('Đã hoàn thành nghĩa vụ thuế'),
            chuHoHoTen: owner.chuHoHoTen,
            chuHoCccd: owner.chuHoCccd,
          },
          [
            'tenHoKinhDoanh',
            'maSoThue',
            'ngayChamDut',
            'daHoanThanhThue',
            'chuHoHoTen',
            'chuHoCccd',
          ],
        ),
      ),
      paper('thong_bao_thue', 'Thông báo của cơ quan thuế về việc hoàn thành nghĩa vụ thuế'),
    ],
    steps: bizSteps(),
  }),
];
