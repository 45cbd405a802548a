// Chứng thực (certification) and Đất đai (land) procedures. Codes and fees: see procedures.demo.ts.
import type { ProcedureInputData } from '@cqs/shared/procedures/index';
import {
  communeProcedure,
  declarant,
  field,
  form,
  formComponent,
  paper,
  steps,
} from './builders.js';

const CERT = 'Chứng thực';
const CERT_LAW =
  'Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch; Thông tư số 01/2020/TT-BTP; Thông tư số 226/2016/TT-BTC quy định mức thu phí chứng thực';
const LAND = 'Đất đai';
const LAND_LAW =
  'Luật Đất đai năm 2024; Nghị định số 101/2024/NĐ-CP quy định về điều tra cơ bản đất đai, đăng ký, cấp Giấy chứng nhận; Nghị định số 102/2024/NĐ-CP; Nghị định số 151/2025/NĐ-CP về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực đất đai';
const LAND_AGENCY = 'Ủy ban nhân dân cấp xã; Văn phòng đăng ký đất đai (Chi nhánh)';

const sameDay = () =>
  steps('commune', 'working_hours', [
    ['desk_officer', 'Tiếp nhận yêu cầu, kiểm tra giấy tờ', 0.5],
    ['specialist', 'Công chức tư pháp – hộ tịch đối chiếu, ghi lời chứng, ghi sổ', 2],
    ['leader', 'Người có thẩm quyền ký chứng thực, đóng dấu', 1],
    ['desk_officer', 'Thu phí, trả kết quả', 0.5],
  ]);

const parcel = {
  soThua: field.text('Thửa đất số', 20),
  soToBanDo: field.text('Tờ bản đồ số', 20),
  diaChiThua: field.text('Địa chỉ thửa đất', 300),
  dienTich: field.number('Diện tích (m²)', 0.1, 10_000_000),
};

const landUser = {
  nguoiSuDungHoTen: field.text('Họ, chữ đệm, tên người sử dụng đất', 100),
  nguoiSuDungCccd: field.cccd('Số định danh cá nhân của người sử dụng đất'),
  nguoiSuDungDiaChi: field.text('Địa chỉ thường trú', 300),
  dienThoai: field.phone(),
};

const LAND_USES = [
  'Đất ở tại nông thôn',
  'Đất ở tại đô thị',
  'Đất trồng lúa',
  'Đất trồng cây hằng năm khác',
  'Đất trồng cây lâu năm',
  'Đất nuôi trồng thủy sản',
  'Đất rừng sản xuất',
  'Đất thương mại, dịch vụ',
];

/** Certification and land procedures. */
export const certificationLandProcedures: ProcedureInputData[] = [
  communeProcedure({
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    field: CERT,
    processingTime: { value: 4, unit: 'working_hours' },
    fees: [
      {
        name: 'Phí chứng thực bản sao từ bản chính',
        amount: 2000,
        note: '2.000 đ/trang; từ trang thứ ba trở lên 1.000 đ/trang, tối đa 200.000 đ/bản',
      },
    ],
    result: 'Bản sao được chứng thực từ bản chính',
    legalBasis: CERT_LAW,
    onlineLevel: 'partial',
    components: [
      formComponent(
        'yeu_cau',
        'Phiếu yêu cầu chứng thực bản sao',
        form(
          'Yêu cầu chứng thực bản sao từ bản chính',
          {
            tenGiayTo: field.text('Tên giấy tờ, văn bản cần chứng thực', 300),
            coQuanCap: field.text('Cơ quan cấp', 300),
            soTrang: field.int('Số trang của bản chính', 1, 500),
            soBan: field.int('Số bản sao cần chứng thực', 1, 50),
            ...declarant(),
          },
          ['tenGiayTo', 'soTrang', 'soBan', 'nguoiYeuCauHoTen', 'nguoiYeuCauCccd'],
        ),
      ),
      paper(
        'ban_chinh',
        'Bản chính giấy tờ, văn bản làm cơ sở chứng thực (xuất trình) và bản sao cần chứng thực',
        { maxFiles: 10, maxSizeMb: 20 },
      ),
    ],
    steps: sameDay(),
  }),
  communeProcedure({
    code: '2.000884',
    name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cả trường hợp chứng thực điểm chỉ)',
    field: CERT,
    processingTime: { value: 4, unit: 'working_hours' },
    fees: [
      {
        name: 'Phí chứng thực chữ ký',
        amount: 10000,
        note: 'Mỗi trường hợp (một hoặc nhiều chữ ký trong một giấy tờ)',
      },
    ],
    result: 'Giấy tờ, văn bản được chứng thực chữ ký',
    legalBasis: CERT_LAW,
    onlineLevel: 'info',
    components: [
      formComponent(
        'yeu_cau',
        'Phiếu yêu cầu chứng thực chữ ký',
        form(
          'Yêu cầu chứng thực chữ ký',
          {
            tenGiayTo: field.text('Tên giấy tờ, văn bản cần chứng thực chữ ký', 300),
            soNguoiKy: field.int('Số người ký', 1, 20),
            diemChi: field.yesNo('Người yêu cầu điểm chỉ thay cho ký'),
            ...declarant(),
          },
          ['tenGiayTo', 'soNguoiKy', 'nguoiYeuCauHoTen', 'nguoiYeuCauCccd'],
        ),
      ),
      paper(
        'giay_to_ky',
        'Giấy tờ, văn bản mà người yêu cầu sẽ ký (ký trước mặt người thực hiện chứng thực)',
      ),
    ],
    steps: sameDay(),
  }),
  communeProcedure({
    code: '2.001035',
    name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở',
    field: CERT,
    processingTime: { value: 2, unit: 'working_days' },
    fees: [
      {
        name: 'Phí chứng thực hợp đồng, giao dịch',
        amount: 50000,
        note: 'Mỗi hợp đồng, giao dịch',
      },
    ],
    result: 'Hợp đồng, giao dịch được chứng thực',
    legalBasis: CERT_LAW,
    onlineLevel: 'info',
    components: [
      formComponent(
        'phieu_yeu_cau',
        'Phiếu yêu cầu chứng thực hợp đồng, giao dịch',
        form(
          'Yêu cầu chứng thực hợp đồng, giao dịch',
          {
            loaiHopDong: field.choice('Loại hợp đồng, giao dịch', [
              'Chuyển nhượng quyền sử dụng đất',
              'Tặng cho quyền sử dụng đất',
              'Thế chấp quyền sử dụng đất',
              'Mua bán nhà ở',
              'Văn bản thỏa thuận phân chia di sản',
              'Hợp đồng ủy quyền',
              'Hợp đồng khác',
            ]),
            benAHoTen: field.text('Họ, chữ đệm, tên bên A', 100),
            benACccd: field.cccd('Số định danh cá nhân bên A'),
            benBHoTen: field.text('Họ, chữ đệm, tên bên B', 100),
            benBCccd: field.cccd('Số định danh cá nhân bên B'),
            taiSan: field.longText('Tài sản của hợp đồng, giao dịch'),
            giaTri: field.money('Giá trị hợp đồng (đồng)'),
            dienThoai: field.phone(),
          },
          ['loaiHopDong', 'benAHoTen', 'benACccd', 'benBHoTen', 'benBCccd', 'taiSan'],
        ),
      ),
      paper('du_thao', 'Dự thảo hợp đồng, giao dịch'),
      paper(
        'giay_to_tai_san',
        'Bản sao Giấy chứng nhận quyền sử dụng đất hoặc giấy tờ về quyền sở hữu tài sản',
        { maxFiles: 5 },
      ),
    ],
    steps: steps('commune', 'working_days', [
      ['desk_officer', 'Tiếp nhận, kiểm tra hồ sơ', 0.5],
      [
        'specialist',
        'Kiểm tra nội dung hợp đồng, năng lực hành vi dân sự của các bên; các bên ký trước mặt',
        1,
      ],
      ['leader', 'Ký chứng thực, đóng dấu', 0.5],
    ]),
  }),
  {
    code: '1.012766',
    name: 'Đăng ký đất đai, tài sản gắn liền với đất và cấp Giấy chứng nhận lần đầu cho hộ gia đình, cá nhân',
    field: LAND,
    implementingAgency: LAND_AGENCY,
    level: 'commune',
    processingTime: { value: 20, unit: 'working_days' },
    fees: [
      {
        name: 'Lệ phí cấp Giấy chứng nhận',
        amount: 100000,
        note: 'Mức thu theo Nghị quyết của Hội đồng nhân dân tỉnh',
      },
      {
        name: 'Phí thẩm định hồ sơ cấp Giấy chứng nhận',
        amount: 500000,
        note: 'Mức thu theo Nghị quyết của Hội đồng nhân dân tỉnh',
      },
    ],
    result: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    legalBasis: LAND_LAW,
    onlineLevel: 'partial',
    components: [
      formComponent(
        'don_dang_ky',
        'Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK)',
        form(
          'Đơn đăng ký đất đai, tài sản gắn liền với đất',
          {
            ...landUser,
            ...parcel,
            mucDichSuDung: field.choice('Mục đích sử dụng đất', LAND_USES),
            nguonGoc: field.text('Nguồn gốc sử dụng đất', 300),
            batDauSuDung: field.date('Thời điểm bắt đầu sử dụng đất'),
            coTaiSan: field.yesNo('Có đăng ký tài sản gắn liền với đất'),
          },
          [
            'nguoiSuDungHoTen',
            'nguoiSuDungCccd',
            'soThua',
            'soToBanDo',
            'diaChiThua',
            'dienTich',
            'mucDichSuDung',
            'nguonGoc',
          ],
        ),
      ),
      paper('giay_to_dat', 'Giấy tờ về quyền sử dụng đất (nếu có)', {
        required: false,
        maxFiles: 10,
      }),
      paper('so_do_nha', 'Sơ đồ nhà ở, công trình xây dựng (trường hợp đăng ký tài sản)', {
        required: false,
      }),
    ],
    steps: steps('commune', 'working_days', [
      ['desk_officer', 'Tiếp nhận hồ sơ', 0.5],
      ['specialist', 'Kiểm tra, xác nhận hiện trạng, nguồn gốc; niêm yết công khai', 8],
      [
        'specialist',
        'Văn phòng đăng ký đất đai kiểm tra hồ sơ, trích đo, gửi thông tin xác định nghĩa vụ tài chính',
        6,
        undefined,
        'agency',
      ],
      ['leader', 'Ký Giấy chứng nhận', 3],
      ['desk_officer', 'Trao Giấy chứng nhận', 0.5],
    ]),
  },
  {
    code: '1.012772',
    name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế',
    field: LAND,
    implementingAgency: 'Chi nhánh Văn phòng đăng ký đất đai',
    level: 'district',
    processingTime: { value: 10, unit: 'working_days' },
    fees: [
      {
        name: 'Lệ phí cấp Giấy chứng nhận',
        amount: 50000,
        note: 'Mức thu theo Nghị quyết của Hội đồng nhân dân tỉnh',
      },
      {
        name: 'Phí thẩm định hồ sơ',
        amount: 300000,
        note: 'Mức thu theo Nghị quyết của Hội đồng nhân dân tỉnh',
      },
    ],
    result: 'Giấy chứng nhận được cấp mới hoặc xác nhận thay đổi',
    legalBasis: LAND_LAW,
    onlineLevel: 'partial',
    components: [
      formComponent(
        'don_bien_dong',
        'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)',
        form(
          'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất',
          {
            ...landUser,
            ...parcel,
            soGiayChungNhan: field.text('Số phát hành Giấy chứng nhận đã cấp', 30),
            loaiBienDong: field.choice('Nội dung biến động', [
              'Chuyển nhượng',
              'Tặng cho',
              'Thừa kế',
              'Góp vốn',
            ]),
            benNhanHoTen: field.text('Họ, chữ đệm, tên người nhận quyền', 100),
            benNhanCccd: field.cccd('Số định danh cá nhân người nhận quyền'),
          },
          [
            'nguoiSuDungHoTen',
            'nguoiSuDungCccd',
            'soThua',
            'soToBanDo',
            'soGiayChungNhan',
            'loaiBienDong',
            'benNhanHoTen',
            'benNhanCccd',
          ],
        ),
      ),
      paper('hop_dong', 'Hợp đồng, văn bản về chuyển quyền đã công chứng hoặc chứng thực'),
      paper('gcn_goc', 'Bản gốc Giấy chứng nhận đã cấp'),
    ],
    steps: steps('agency', 'working_days', [
      ['desk_officer', 'Tiếp nhận hồ sơ', 0.5],
      ['specialist', 'Kiểm tra hồ sơ, gửi thông tin cho cơ quan thuế', 4],
      ['specialist', 'Cập nhật, chỉnh lý hồ sơ địa chính sau khi hoàn thành nghĩa vụ tài chính', 3],
      ['leader', 'Ký xác nhận thay đổi hoặc Giấy chứng nhận', 2],
      ['desk_officer', 'Trả kết quả', 0.5],
    ]),
  },
  communeProcedure({
    code: '1.012780',
    name: 'Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối với hộ gia đình, cá nhân',
    field: LAND,
    processingTime: { value: 15, unit: 'working_days' },
    fees: [
      {
        name: 'Lệ phí cấp Giấy chứng nhận (khi cấp mới)',
        amount: 50000,
        note: 'Chưa gồm tiền sử dụng đất phải nộp theo thông báo của cơ quan thuế',
      },
    ],
    result:
      'Quyết định cho phép chuyển mục đích sử dụng đất; Giấy chứng nhận được chỉnh lý hoặc cấp mới',
    legalBasis: LAND_LAW,
    onlineLevel: 'partial',
    components: [
      formComponent(
        'don_xin',
        'Đơn xin chuyển mục đích sử dụng đất',
        form(
          'Đơn xin chuyển mục đích sử dụng đất',
          {
            ...landUser,
            ...parcel,
            dienTichChuyen: field.number('Diện tích xin chuyển mục đích (m²)', 0.1, 10_000_000),
            mucDichHienTai: field.choice('Mục đích sử dụng hiện tại', LAND_USES),
            mucDichXinChuyen: field.choice('Mục đích xin chuyển sang', LAND_USES),
            lyDo: field.longText('Lý do xin chuyển mục đích'),
          },
          [
            'nguoiSuDungHoTen',
            'nguoiSuDungCccd',
            'soThua',
            'soToBanDo',
            'dienTichChuyen',
            'mucDichHienTai',
            'mucDichXinChuyen',
          ],
        ),
      ),
      paper('gcn', 'Giấy chứng nhận quyền sử dụng đất đã cấp'),
    ],
    steps: steps('commune', 'working_days', [
      ['desk_officer', 'Tiếp nhận hồ sơ', 0.5],
      ['specialist', 'Thẩm tra hồ sơ, xác minh thực địa, đối chiếu quy hoạch sử dụng đất', 8],
      ['leader', 'Quyết định cho phép chuyển mục đích sử dụng đất', 3],
      ['specialist', 'Văn phòng đăng ký đất đai chỉnh lý hồ sơ địa chính', 3, undefined, 'agency'],
      ['desk_officer', 'Trả kết quả', 0.5],
    ]),
  }),
];
