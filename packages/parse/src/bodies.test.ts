import { describe, expect, it } from 'vitest';
import { findCoordinators, findSubject, headingNamesBody, splitBodies } from './bodies.js';

describe('findSubject', () => {
  it.each([
    ['Sở Công Thương chủ trì tham mưu thực hiện thủ tục thành lập CCN.', 'Sở Công Thương'],
    ['- UBND cấp xã chủ trì, phối hợp với các Sở, ban ngành thực hiện công tác GPMB.', 'UBND cấp xã'],
    ['Ủy ban nhân dân cấp xã: đầu tư, hoàn thiện đồng bộ hạ tầng kỹ thuật', 'Ủy ban nhân dân cấp xã'],
    [
      'Giao phòng Quản lý Công nghiệp triển khai, thực hiện các công việc liên quan:',
      'phòng Quản lý Công nghiệp',
    ],
    [
      'Đoàn kiểm tra, giám sát làm việc với đối tượng giám sát bằng hình thức trực tiếp.',
      'Đoàn kiểm tra, giám sát',
    ],
    [
      'Đoàn kiểm tra trong quá trình kiểm tra, giám sát công tác bầu cử nếu có vấn đề gì phát sinh thì báo cáo.',
      'Đoàn kiểm tra',
    ],
    [
      'Ban công tác Mặt trận các tổ dân phố căn cứ kế hoạch này, khi có thông báo chủ động phối hợp thực hiện.',
      'Ban công tác Mặt trận các tổ dân phố',
    ],
    [
      'Kết thúc cuộc bầu cử, Ban Thường trực Ủy ban MTTQ Việt Nam phường, chịu trách nhiệm tổng hợp báo cáo.',
      'Ban Thường trực Ủy ban MTTQ Việt Nam phường',
    ],
    [
      'Các thành viên khác trong tiểu ban căn cứ vào chức năng, nhiệm vụ, chủ động phối hợp.',
      'Các thành viên khác trong tiểu ban',
    ],
    [
      'Các cấp, các ngành, các địa phương, nòng cốt là các cơ quan thông tin, truyền thông đẩy mạnh công tác tuyên truyền.',
      'Các cấp, các ngành, các địa phương, nòng cốt là các cơ quan thông tin, truyền thông',
    ],
    [
      'Trong quá trình tổ chức triển khai thực hiện, nếu có vướng mắc phát sinh cần sửa đổi, bổ sung kế hoạch, Thủ trưởng các cơ quan, đơn vị chủ động gửi ý kiến.',
      'Thủ trưởng các cơ quan, đơn vị',
    ],
    [
      'Chủ đầu tư dự án hạ tầng kỹ thuật khu, cụm công nghiệp san tạo mặt bằng.',
      'Chủ đầu tư dự án hạ tầng kỹ thuật khu, cụm công nghiệp',
    ],
    // Names end where their grammar ends, whatever verb follows.
    [
      'Uỷ ban nhân dân cấp tỉnh, cấp xã đưa các chỉ tiêu vào kế hoạch hằng năm.',
      'Uỷ ban nhân dân cấp tỉnh, cấp xã',
    ],
    ['Kho bạc nhà nước đối chiếu số liệu chi trả.', 'Kho bạc nhà nước'],
    ['Sở Tài chính cấp kinh phí cho các quận.', 'Sở Tài chính'],
    [
      'Đề nghị Hội Nông dân Việt Nam, Hội Liên hiệp Phụ nữ Việt Nam, Đoàn Thanh niên Cộng sản Hồ Chí Minh phát động phong trào thi đua.',
      'Hội Nông dân Việt Nam, Hội Liên hiệp Phụ nữ Việt Nam, Đoàn Thanh niên Cộng sản Hồ Chí Minh',
    ],
    [
      'Ban Chỉ đạo thực hiện chính sách hỗ trợ nhà ở quận, huyện chủ trì kiểm tra việc xét duyệt.',
      'Ban Chỉ đạo thực hiện chính sách hỗ trợ nhà ở quận, huyện',
    ],
    ['Vụ Pháp chế chủ trì soạn thảo văn bản.', 'Vụ Pháp chế'],
    ['Bước 2: Ủy ban nhân dân phường tổ chức họp xét duyệt danh sách.', 'Ủy ban nhân dân phường'],
    [
      'Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố phối hợp với Hội Cựu chiến binh vận động.',
      'Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố',
    ],
  ])('%s', (text, lead) => {
    expect(findSubject(text)?.text).toBe(lead);
  });

  it.each([
    'Tổ chức kiểm tra kỹ thuật an toàn cho các đối tượng liên quan.',
    'Ban hành quyết định thành lập Đoàn kiểm tra, giám sát bao gồm:',
    '+ Trưởng đoàn: Đại diện Ban Thường trực Ủy ban MTTQ Việt Nam phường',
    'Những trường hợp đặc biệt không đạt sự tín nhiệm cần báo cáo rõ.',
    'Các nội dung dưới đây được triển khai theo đúng quy định của Luật Bầu cử, Ban Thường trực chỉ đạo.',
    'Tuyên truyền, phổ biến sâu rộng trong cán bộ, đảng viên, Nhân dân.',
  ])('no body: %s', (text) => {
    expect(findSubject(text)).toBeNull();
  });
});

describe('headingNamesBody', () => {
  it.each([
    ['Sở Công Thương', 'Sở Công Thương'],
    [
      'Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội',
      'Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội',
    ],
    [
      'Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường:',
      'Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường',
    ],
    ['Vụ Pháp chế', 'Vụ Pháp chế'],
    ['Thanh tra Bộ', 'Thanh tra Bộ'],
    ['Trách nhiệm của Ủy ban nhân dân quận, huyện', 'Ủy ban nhân dân quận, huyện'],
    ['Đối với Sở Tài chính:', 'Sở Tài chính'],
    ['Cục Công tác phía Nam:', 'Cục Công tác phía Nam'],
    [
      'Ban Chỉ đạo thực hiện chính sách hỗ trợ nhà ở quận, huyện',
      'Ban Chỉ đạo thực hiện chính sách hỗ trợ nhà ở quận, huyện',
    ],
  ])('%s', (heading, name) => {
    expect(headingNamesBody(heading)).toBe(name);
  });
  it.each([
    'Tập trung phát triển bền vững các khu công nghiệp',
    'Ban Thường trực Ủy ban MTTQ phường chủ trì, phối hợp với các đoàn thể.',
    'Ủy ban nhân dân các quận triển khai thực hiện',
  ])('not a name: %s', (heading) => {
    expect(headingNamesBody(heading)).toBeNull();
  });
});

describe('coordinators', () => {
  it.each([
    [
      'UBND phường Lào Cai chủ trì, phối hợp với Sở Xây dựng, Ban Quản lý khu Kinh tế và các cơ quan đơn vị liên quan thực hiện công tác GPMB',
      ['Sở Xây dựng', 'Ban Quản lý khu Kinh tế', 'các cơ quan đơn vị liên quan'],
    ],
    [
      'Chủ trì, phối hợp với các Sở, ban ngành, chủ đầu tư kinh doanh hạ tầng kỹ thuật các khu, cụm công nghiệp trên địa bàn thực hiện công tác GPMB.',
      ['các Sở, ban ngành', 'chủ đầu tư kinh doanh hạ tầng kỹ thuật các khu, cụm công nghiệp trên địa bàn'],
    ],
    ['Phối hợp với Trưởng thôn rà soát danh sách cử tri; chuẩn bị cơ sở vật chất.', ['Trưởng thôn']],
    [
      'tổ chức chủ trì, phối hợp với các tổ chức chính trị - xã hội, tổ chức thành viên của Mặt trận kiểm tra, giám sát công tác bầu cử',
      ['các tổ chức chính trị - xã hội', 'tổ chức thành viên của Mặt trận'],
    ],
    [
      'Chủ trì, phối hợp với Thuế tỉnh, Sở Công Thương, Sở Xây dựng triển khai các biện pháp',
      ['Thuế tỉnh', 'Sở Công Thương', 'Sở Xây dựng'],
    ],
    [
      'Phối hợp với cơ quan Thuế, Sở Nông nghiệp và Môi trường rà soát, đối chiếu sản lượng',
      ['cơ quan Thuế', 'Sở Nông nghiệp và Môi trường'],
    ],
    [
      'Phối hợp chặt chẽ với các cơ quan chủ trì trong tổ chức thực hiện Kế hoạch này.',
      ['các cơ quan chủ trì'],
    ],
    [
      'Phối hợp với Ủy ban bầu cử xã, Thường trực Hội đồng nhân dân xã chuẩn bị hội nghị tập huấn',
      ['Ủy ban bầu cử xã', 'Thường trực Hội đồng nhân dân xã'],
    ],
    [
      'Phối hợp với Sở, Ngành (cơ quan đăng ký đầu tư) trong việc thẩm định',
      ['Sở, Ngành (cơ quan đăng ký đầu tư)'],
    ],
    [
      'Bộ Tư pháp phối hợp với Ủy ban Dân tộc và Bộ Tài chính bố trí kinh phí.',
      ['Ủy ban Dân tộc', 'Bộ Tài chính'],
    ],
    ['Phối hợp Sở Y tế, Sở Nội vụ tổ chức kiểm tra.', ['Sở Y tế', 'Sở Nội vụ']],
    ['phối hợp với Bộ Y tế và Bảo hiểm xã hội Việt Nam hướng dẫn', ['Bộ Y tế', 'Bảo hiểm xã hội Việt Nam']],
    ['phối hợp với cơ quan Thuế và Kho bạc nhà nước đối chiếu số liệu', ['cơ quan Thuế', 'Kho bạc nhà nước']],
    ['phối hợp với Hội Nông dân và', ['Hội Nông dân']],
  ])('%s', (text, expected) => {
    expect(findCoordinators(text)).toEqual(expected);
  });

  it('splits a list of bodies at every named body', () => {
    expect(splitBodies('Vụ Pháp chế, Cục Công tác phía Nam, Tổng cục Thống kê, Học viện Tư pháp')).toEqual([
      'Vụ Pháp chế',
      'Cục Công tác phía Nam',
      'Tổng cục Thống kê',
      'Học viện Tư pháp',
    ]);
    expect(splitBodies('Sở Văn hóa, Thể thao và Du lịch, Sở Tài chính')).toEqual([
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Tài chính',
    ]);
  });

  it('keeps generic words in their group and splits at new bodies', () => {
    expect(
      splitBodies('các sở, ngành, đơn vị liên quan và các cơ sở giáo dục nghề nghiệp trong và ngoài tỉnh'),
    ).toEqual(['các sở, ngành, đơn vị liên quan', 'các cơ sở giáo dục nghề nghiệp trong và ngoài tỉnh']);
    expect(splitBodies('Ủy ban nhân dân phường Văn Phú và các sở, ban ngành có liên quan')).toEqual([
      'Ủy ban nhân dân phường Văn Phú',
      'các sở, ban ngành có liên quan',
    ]);
  });
});
