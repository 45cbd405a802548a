// The synonym list a deployment starts with, in force until an administrator saves one
// (procedure_synonym is created empty, see migration 0402): words citizens use for
// procedures whose official names say something else. Each group's terms are interchangeable
// in a search; administrators edit the list afterwards. Kept short and generic on purpose:
// every term is common usage across provinces, and each group names something in the
// national catalogue (the demo catalogue has most of them).
export const DEFAULT_SYNONYMS: readonly (readonly string[])[] = [
  ['sổ đỏ', 'sổ hồng', 'giấy chứng nhận quyền sử dụng đất'],
  ['giấy khai sinh', 'khai sinh'],
  ['kết hôn', 'cưới', 'lấy vợ', 'lấy chồng'],
  ['tình trạng hôn nhân', 'độc thân'],
  ['khai tử', 'báo tử', 'giấy chứng tử'],
  ['chứng thực', 'công chứng', 'sao y'],
  ['căn cước', 'CCCD', 'chứng minh nhân dân', 'CMND'],
  ['giấy phép xây dựng', 'GPXD', 'phép xây nhà'],
  ['hộ kinh doanh', 'kinh doanh cá thể', 'hộ cá thể'],
  ['chuyển mục đích sử dụng đất', 'lên thổ cư', 'chuyển thổ cư'],
  ['an toàn thực phẩm', 'ATTP', 'vệ sinh thực phẩm'],
  ['Ủy ban nhân dân', 'UBND'],
];
