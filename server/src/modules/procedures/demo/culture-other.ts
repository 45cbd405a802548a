// Xây dựng, Văn hóa, Y tế and Giáo dục procedures. Codes and fees: see procedures.demo.ts.
import type { ProcedureInputData } from '@cqs/shared/procedures/index';
import { communeProcedure, field, form, formComponent, oneStop, paper, steps } from './builders.js';

const investor = {
  chuDauTuHoTen: field.text('Họ, chữ đệm, tên chủ đầu tư', 100),
  chuDauTuCccd: field.cccd('Số định danh cá nhân của chủ đầu tư'),
  chuDauTuDiaChi: field.text('Địa chỉ liên hệ', 300),
  chuDauTuDienThoai: field.phone(),
};
const business = {
  tenCoSo: field.text('Tên doanh nghiệp, hộ kinh doanh', 200),
  maSoThue: field.taxCode(),
  diaChiKinhDoanh: field.text('Địa điểm kinh doanh', 300),
  nguoiDaiDien: field.text('Họ, chữ đệm, tên người đại diện theo pháp luật', 100),
  nguoiDaiDienCccd: field.cccd('Số định danh cá nhân của người đại diện'),
  dienThoai: field.phone(),
};

/** Construction, culture, health and education procedures. */
export const cultureOtherProcedures: ProcedureInputData[] = [
  communeProcedure({
    code: '1.009994',
    name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    processingTime: { value: 15, unit: 'working_days' },
    fees: [
      {
        name: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ',
        amount: 75000,
        note: 'Mức thu theo Nghị quyết của Hội đồng nhân dân tỉnh',
      },
    ],
    result: 'Giấy phép xây dựng',
    legalBasis:
      'Luật Xây dựng năm 2014 (sửa đổi, bổ sung năm 2020); Nghị định số 15/2021/NĐ-CP quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng; Thông tư số 85/2019/TT-BTC',
    onlineLevel: 'full',
    components: [
      formComponent(
        'don_de_nghi',
        'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II Nghị định số 15/2021/NĐ-CP)',
        form(
          'Đơn đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ',
          {
            ...investor,
            soThua: field.text('Lô đất / thửa đất số', 20),
            soToBanDo: field.text('Tờ bản đồ số', 20),
            diaDiem: field.text('Địa điểm xây dựng', 300),
            dienTichTang1: field.number('Diện tích xây dựng tầng 1 (m²)', 1, 100_000),
            tongDienTichSan: field.number('Tổng diện tích sàn (m²)', 1, 1_000_000),
            chieuCao: field.number('Chiều cao công trình (m)', 1, 200),
            soTang: field.int('Số tầng (không kể tầng hầm)', 1, 50),
            coTangHam: field.yesNo('Có tầng hầm'),
            thoiGianHoanThanh: field.int('Dự kiến thời gian hoàn thành (tháng)', 1, 120),
          },
          [
            'chuDauTuHoTen',
            'chuDauTuCccd',
            'chuDauTuDiaChi',
            'soThua',
            'soToBanDo',
            'diaDiem',
            'dienTichTang1',
            'tongDienTichSan',
            'chieuCao',
            'soTang',
          ],
        ),
      ),
      paper('giay_chung_nhan_dat', 'Bản sao giấy tờ chứng minh quyền sử dụng đất'),
      paper(
        'ban_ve',
        'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng)',
        { maxFiles: 10, maxSizeMb: 30 },
      ),
    ],
    steps: steps('commune', 'working_days', [
      ['desk_officer', 'Tiếp nhận, kiểm tra hồ sơ', 0.5],
      ['specialist', 'Thẩm định hồ sơ, kiểm tra thực địa, đối chiếu quy hoạch', 9],
      ['leader', 'Xem xét, ký giấy phép xây dựng', 5],
      ['desk_officer', 'Trả kết quả', 0.5],
    ]),
  }),
  {
    code: '1.001029',
    name: 'Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke',
    field: 'Văn hóa',
    implementingAgency: 'Phòng Văn hóa và Thông tin (cơ quan chuyên môn về văn hóa cấp huyện)',
    level: 'district',
    processingTime: { value: 5, unit: 'working_days' },
    fees: [
      {
        name: 'Phí thẩm định cấp giấy phép (từ 01 đến 03 phòng)',
        amount: 4_000_000,
        note: 'Tại thành phố, thị xã; khu vực khác 2.000.000 đ',
      },
      {
        name: 'Phí thẩm định cấp giấy phép (từ 04 đến 05 phòng)',
        amount: 6_000_000,
        note: 'Tại thành phố, thị xã; khu vực khác 3.000.000 đ',
      },
      {
        name: 'Phí thẩm định cấp giấy phép (từ 06 phòng trở lên)',
        amount: 12_000_000,
        note: 'Tại thành phố, thị xã; khu vực khác 6.000.000 đ',
      },
    ],
    result: 'Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke',
    legalBasis:
      'Nghị định số 54/2019/NĐ-CP quy định về kinh doanh dịch vụ karaoke, dịch vụ vũ trường; Thông tư số 01/2021/TT-BTC quy định mức thu, nộp phí thẩm định cấp giấy phép kinh doanh karaoke, vũ trường',
    onlineLevel: 'full',
    components: [
      formComponent(
        'don_de_nghi',
        'Đơn đề nghị cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke (Mẫu số 01)',
        form(
          'Đơn đề nghị cấp giấy phép kinh doanh dịch vụ karaoke',
          {
            ...business,
            soPhong: field.int('Số phòng hát', 1, 200),
            dienTichPhongNhoNhat: field.number('Diện tích phòng hát nhỏ nhất (m²)', 20, 1000),
          },
          [
            'tenCoSo',
            'maSoThue',
            'diaChiKinhDoanh',
            'nguoiDaiDien',
            'soPhong',
            'dienTichPhongNhoNhat',
          ],
        ),
      ),
      paper(
        'dang_ky_kinh_doanh',
        'Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc hộ kinh doanh',
        { required: false },
      ),
    ],
    steps: steps('district', 'working_days', [
      ['desk_officer', 'Tiếp nhận hồ sơ', 0.5],
      ['specialist', 'Thẩm định hồ sơ, kiểm tra thực tế điều kiện kinh doanh', 2.5],
      ['leader', 'Ký giấy phép', 1.5],
      ['desk_officer', 'Trả kết quả', 0.5],
    ]),
  },
  communeProcedure({
    code: '1.003622',
    name: 'Thông báo tổ chức lễ hội cấp xã',
    field: 'Văn hóa',
    processingTime: { value: 5, unit: 'working_days' },
    fees: [],
    result: 'Văn bản trả lời (trường hợp không đồng ý phải nêu rõ lý do)',
    legalBasis: 'Nghị định số 110/2018/NĐ-CP quy định về quản lý và tổ chức lễ hội',
    onlineLevel: 'full',
    components: [
      formComponent(
        'van_ban_thong_bao',
        'Văn bản thông báo tổ chức lễ hội',
        form(
          'Thông báo tổ chức lễ hội',
          {
            tenLeHoi: field.text('Tên lễ hội', 200),
            ngayBatDau: field.date('Ngày bắt đầu'),
            ngayKetThuc: field.date('Ngày kết thúc'),
            diaDiem: field.text('Địa điểm tổ chức', 300),
            truongBanToChuc: field.text('Họ, chữ đệm, tên Trưởng ban tổ chức', 100),
            dienThoai: field.phone(),
            noiDung: field.longText('Nội dung, chương trình hoạt động'),
          },
          ['tenLeHoi', 'ngayBatDau', 'ngayKetThuc', 'diaDiem', 'truongBanToChuc', 'noiDung'],
        ),
      ),
    ],
    steps: oneStop('commune', 'working_days', 2, 2),
  }),
  {
    code: '2.000591',
    name: 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống',
    field: 'An toàn thực phẩm và dinh dưỡng',
    implementingAgency: 'Ủy ban nhân dân cấp huyện (Phòng Y tế) theo phân cấp của tỉnh',
    level: 'district',
    processingTime: { value: 20, unit: 'working_days' },
    fees: [
      {
        name: 'Phí thẩm định cơ sở phục vụ dưới 200 suất ăn',
        amount: 700_000,
        note: 'Mỗi lần thẩm định, mỗi cơ sở',
      },
      {
        name: 'Phí thẩm định cơ sở phục vụ từ 200 suất ăn trở lên',
        amount: 1_000_000,
        note: 'Mỗi lần thẩm định, mỗi cơ sở',
      },
    ],
    result: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (hiệu lực 03 năm)',
    legalBasis:
      'Luật An toàn thực phẩm năm 2010; Nghị định số 15/2018/NĐ-CP; Thông tư số 67/2021/TT-BTC quy định mức thu phí trong công tác an toàn thực phẩm',
    onlineLevel: 'partial',
    components: [
      formComponent(
        'don_de_nghi',
        'Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
        form(
          'Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
          {
            ...business,
            loaiHinh: field.choice('Loại hình kinh doanh', [
              'Nhà hàng ăn uống',
              'Bếp ăn tập thể',
              'Căng tin',
              'Cơ sở chế biến suất ăn sẵn',
            ]),
            soSuatAn: field.int('Số suất ăn phục vụ mỗi ngày', 1, 100_000),
            soNguoiTrucTiep: field.int('Số người trực tiếp chế biến', 0, 10_000),
          },
          ['tenCoSo', 'diaChiKinhDoanh', 'nguoiDaiDien', 'loaiHinh', 'soSuatAn'],
        ),
      ),
      paper(
        'thuyet_minh',
        'Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ bảo đảm điều kiện vệ sinh an toàn thực phẩm',
        { maxFiles: 5 },
      ),
      paper(
        'tap_huan',
        'Giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm của chủ cơ sở và người trực tiếp chế biến',
        { maxFiles: 10 },
      ),
    ],
    steps: steps('district', 'working_days', [
      ['desk_officer', 'Tiếp nhận hồ sơ', 0.5],
      ['specialist', 'Thẩm định hồ sơ', 5],
      ['specialist', 'Đoàn thẩm định kiểm tra thực tế tại cơ sở', 10],
      ['leader', 'Ký Giấy chứng nhận', 4],
      ['desk_officer', 'Trả kết quả', 0.5],
    ]),
  },
  communeProcedure({
    code: '1.005097',
    name: 'Chuyển trường đối với học sinh trung học cơ sở',
    field: 'Giáo dục và Đào tạo',
    implementingAgency:
      'Trường trung học cơ sở nơi chuyển đến; Ủy ban nhân dân cấp xã (trường hợp chuyển trường khác tỉnh)',
    processingTime: { value: 3, unit: 'working_days' },
    fees: [],
    result: 'Học sinh được tiếp nhận vào học tại trường chuyển đến',
    legalBasis:
      'Quyết định số 51/2002/QĐ-BGDĐT ban hành Quy định chuyển trường và tiếp nhận học sinh học tại các trường trung học cơ sở và trung học phổ thông; Thông tư số 50/2021/TT-BGDĐT sửa đổi, bổ sung',
    onlineLevel: 'full',
    components: [
      formComponent(
        'don_xin',
        'Đơn xin chuyển trường do cha, mẹ hoặc người giám hộ ký',
        form(
          'Đơn xin chuyển trường',
          {
            hocSinhHoTen: field.text('Họ, chữ đệm, tên học sinh', 100),
            hocSinhNgaySinh: field.date('Ngày sinh'),
            hocSinhGioiTinh: field.sex(),
            hocSinhMaDinhDanh: field.cccd('Số định danh cá nhân của học sinh'),
            lop: field.int('Đang học lớp', 6, 9),
            truongDangHoc: field.text('Trường đang học', 200),
            truongChuyenDen: field.text('Trường xin chuyển đến', 200),
            lyDo: field.longText('Lý do chuyển trường'),
            chaMeHoTen: field.text('Họ, chữ đệm, tên cha, mẹ hoặc người giám hộ', 100),
            chaMeDienThoai: field.phone(),
          },
          [
            'hocSinhHoTen',
            'hocSinhNgaySinh',
            'lop',
            'truongDangHoc',
            'truongChuyenDen',
            'lyDo',
            'chaMeHoTen',
          ],
        ),
      ),
      paper('hoc_ba', 'Học bạ (bản chính)'),
      paper(
        'giay_gioi_thieu',
        'Giấy giới thiệu chuyển trường do Hiệu trưởng nhà trường nơi đi cấp',
      ),
    ],
    steps: oneStop('agency', 'working_days', 1.5, 0.5),
  }),
];
