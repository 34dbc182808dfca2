import { readFileSync } from 'fs';
import { join } from 'path';
import {
  buildUnitDirectory,
  isGroup,
  parseUnitDirectory,
  splitUnits,
  unitKey,
  type UnitDirectoryEntry,
  type UnitTask,
} from '../../src/core/units';

// ---------------------------------------------------------------------------------------------
// The lead/support cells of the seeds, transcribed by reading them (tags removed, continuation
// rows joined as test/golden/README.md says). Seed 003 has no lead/support columns (its
// appendices are report forms).
// [task id, rows, lead cell, support cell]
type SeedRow = [string, number[], string, string];

interface Seed {
  file: string;
  leadCol: number;
  supportCol: number;
  rows: SeedRow[];
}

const SEED_000: Seed = {
  file: '000_f1ce80b955e1ea55.txt',
  leadCol: 2,
  supportCol: 3,
  rows: [
    ['I.1', [72], 'Văn phòng HĐND&UBND thị xã', 'Các phòng, ban, cơ quan, UBND xã, phường'],
    ['I.2', [73], 'Các phòng, ban, cơ quan, UBND xã, phường', 'Văn phòng HĐND&UBND, phòng Nội vụ'],
    ['I.3', [74], 'Văn phòng HĐND&UBND thị xã', 'Các phòng, ban, cơ quan, UBND xã, phường'],
    ['II.1', [76], 'Các phòng, ban, cơ quan, UBND xã, phường', 'Văn phòng HĐND&UBND thị xã'],
    [
      'III.1',
      [78],
      'Trung tâm Hành chính công thị xã, Bộ phận tiếp nhận và trả kết quả cấp xã.',
      'Các phòng, ban, cơ quan thị xã',
    ],
    [
      'III.2',
      [82],
      'Trung tâm Hành chính công thị xã; Bộ phận tiếp nhận và trả kết quả xã, phường',
      '- Sở Thông tin và Truyền thông; - Các phòng, ban, cơ quan thị xã; - UBND xã, phường',
    ],
    [
      'IV.1',
      [84],
      'Trung tâm Hành chính công thị xã; Bộ phận tiếp nhận và Trả kết quả xã, phường',
      '- Các phòng, ban, cơ quan thị xã; - UBND xã, phường',
    ],
    [
      'IV.2',
      [85],
      'Văn phòng HĐND&UBND thị xã',
      '- Ban TCD thị xã; - Các phòng, ban, cơ quan thị xã; - UBND xã, phường',
    ],
    [
      'V.1',
      [87],
      'Trung tâm Hành chính công thị xã; Bộ phận tiếp nhận và Trả kết quả xã, phường',
      'Các phòng, ban, cơ quan thị xã; UBND xã, phường',
    ],
    ['V.2', [88], 'Văn phòng HĐND&UBND thị xã', 'Các phòng, ban, cơ quan thị xã; UBND xã, phường'],
    [
      'V.3',
      [89],
      'Văn phòng HĐND&UBND thị xã',
      'Trung tâm Hành chính công thị xã, UBND xã, phường',
    ],
    ['V.4', [90], 'Văn phòng HĐND&UBND thị xã', ''],
    // Support continues on row 95 after a page break; the text above ends with a comma.
    [
      'V.5',
      [91, 95],
      '- Các phòng, ban, cơ quan thị xã;',
      'Văn phòng HĐND&UBND, Trung tâm HCC thị xã',
    ],
    ['V.6', [96], 'Trung tâm Hành chính công thị xã', 'Các phòng, ban, cơ quan thị xã'],
    [
      'V.7',
      [97],
      '- Các phòng, ban, cơ quan thị xã; - UBND xã, phường',
      'Trung tâm Hành chính công thị xã; Bộ phận tiếp nhận và Trả kết quả xã, phường',
    ],
    [
      'V.8',
      [98],
      'Trung tâm Hành chính công thị xã, các phòng, ban, cơ quan thị xã, UBND xã, phường',
      'Các cơ quan có liên quan',
    ],
    ['V.9', [99], 'Các phòng, ban, cơ quan thị xã', 'Trung tâm Hành chính công thị xã'],
    ['V.10', [100], 'Sở Thông tin và Truyền thông', 'Trung tâm Hành chính công thị xã'],
    [
      'VI.1',
      [102, 106],
      'Văn phòng HĐND&UBND thị xã',
      '- Phòng Tư pháp, phòng Lao động, Thương binh và Xã hội; - UBND xã, phường',
    ],
    [
      'VI.2',
      [107],
      'Văn phòng HĐND&UBND thị xã',
      '- Các phòng, ban, cơ quan thị xã; - UBND xã, phường',
    ],
  ],
};

const CM = 'Các phòng chuyên môn, UBND các xã, thị trấn';
const VP_H = 'Văn phòng HĐND - UBND huyện';
const VP_H_BP = 'Văn phòng HĐND - UBND huyện (Bộ phận tiếp nhận và trả kết quả)';
const SEED_001: Seed = {
  file: '001_ae8b471d53a1212e.txt',
  leadCol: 3,
  supportCol: 4,
  rows: [
    ['I.1', [107], VP_H, 'Các phòng chuyên môn'],
    ['I.2', [108], VP_H, ''],
    ['II.1', [110], CM, ''],
    ['II.2', [112], VP_H, ''],
    ['II.3', [113], CM, 'Văn phòng HĐND - UBND huyện và các đơn vị liên quan'],
    ['II.4', [114], '', ''],
    ['II.5', [115], VP_H, CM],
    ['III.1', [117], CM, VP_H],
    ['IV.1', [120], VP_H, 'Các đơn vị liên quan'],
    ['IV.2', [121], '', CM],
    [
      'V.1',
      [123],
      'Văn phòng HĐND - UBND huyện Các phòng chuyên môn, UBND các xã, thị trấn',
      'Các đơn vị liên quan',
    ],
    [
      'VI.1',
      [126],
      'Văn phòng HĐND - UBND huyện Các phòng chuyên môn, UBND các xã, thị trấn',
      'Các đơn vị liên quan',
    ],
    ['VI.2', [127], 'Thanh tra huyện', CM],
    ['VI.3', [128], CM, 'Thanh tra huyện, Văn phòng HĐND - UBND huyện'],
    ['VII.1', [130], VP_H, CM],
    ['VII.2', [132], VP_H_BP, CM],
    ['VII.3', [133], 'Bộ phận tiếp nhận và trả kết quả', CM],
    ['VII.4', [134, 136, 139], VP_H_BP, CM],
    ['VIII.1', [141], 'Văn phòng HĐND', CM],
    ['VIII.2', [142], '- UBND huyện (Bộ phận tiếp nhận và trả kết quả)', ''],
    ['VIII.3', [144], VP_H_BP, 'Các cơ quan, đơn vị liên quan'],
    ['IX.1', [146], CM, CM],
    ['IX.2', [147], '', ''],
    ['IX.3', [148], 'Phòng Nội vụ, Văn phòng HĐND - UBND huyện', CM],
    ['X.1', [151], '', ''],
    ['X.2', [152], VP_H, CM],
    ['XI.1', [154], CM, ''],
  ],
};

const BN = 'Các ban, ngành, đoàn thể';
const SEED_002: Seed = {
  file: '002_1e1698cb1e74ad37.txt',
  leadCol: 2,
  supportCol: 3,
  rows: [
    ['I.1', [95], 'Công chức Tư pháp - Hộ tịch', BN],
    ['I.2', [96], 'Văn phòng UBND xã', BN],
    ['I.3', [97], 'Văn phòng UBND xã', BN],
    ['II.4', [99], 'Công chức Tư pháp - Hộ tịch', BN],
    // The lead continues on row 103 with a lowercase word: joined with a space.
    ['III.5', [101, 103], 'Văn phòng UBND xã, Công chức Văn hóa - Xã hội', BN],
    ['III.6', [104], 'Văn phòng UBND xã', 'Các ban, ngành'],
    [
      'III.7',
      [105],
      'Văn phòng UBND xã, Công chức Bộ phận tiếp nhận và trả kết quả',
      'Các ban, ngành',
    ],
    [
      'III.8',
      [106],
      'Văn phòng UBND xã, Công chức Bộ phận tiếp nhận và trả kết quả',
      'Các ban, ngành',
    ],
    ['III.9', [107], 'Văn phòng UBND xã', 'Các ban, ngành'],
    [
      'III.10',
      [108],
      'Văn phòng UBND xã, Công chức Bộ phận tiếp nhận và trả kết quả',
      'Các ban, ngành',
    ],
    ['III.11', [109], 'Văn phòng UBND xã', 'Văn phòng UBND xã'],
    ['III.12', [111], 'Văn phòng UBND xã', 'Văn phòng UBND xã'],
    ['IV.13', [113], 'Văn phòng UBND xã', BN],
    ['IV.14', [114], 'Văn phòng UBND xã', BN],
    ['V.15', [116], 'Công chức Tài chính - Kế toán', BN],
    ['V.16', [117], 'Công chức Tài chính - Kế toán', BN],
    ['VI.17', [119], 'Văn phòng UBND xã', BN],
    ['VI.18', [120], 'Công chức Văn hóa - Xã hội', BN],
    // The end of this lead ("- Xã hội") was shifted into the next task's cell by the conversion.
    ['VI.19', [121, 123], 'Công chức Văn hóa', BN],
    ['VI.20', [124], '- Xã hội Công chức Văn hóa - Xã hội', BN],
    ['VI.21', [125], 'Công chức Văn hóa - Xã hội', BN],
    ['VI.22', [126], 'Công chức Văn hóa - Xã hội', BN],
    ['VI.23', [127], 'Văn phòng UBND xã', BN],
    ['VI.24', [128], 'Văn phòng UBND xã', BN],
    ['VII.25', [130], 'Công chức Tài chính - Kế toán', BN],
  ],
};

const ALL4 = 'Các Sở, Ban, ngành, UBND cấp huyện, UBND cấp xã';
const SBN_T = 'Các Sở, Ban, ngành của tỉnh';
const SEED_004: Seed = {
  file: '004_f3bacce9d3e11728.txt',
  leadCol: 3,
  supportCol: 4,
  rows: [
    ['1', [66], ALL4, 'Sở Nội vụ, Văn phòng UBND tỉnh'],
    ['2', [67], 'Sở Nội vụ', 'Văn phòng UBND tỉnh'],
    [
      '3',
      [68, 71],
      ALL4,
      'Sở Nội vụ, Sở Kế hoạch và Đầu tư, Sở Tài chính, Sở Thông tin và Truyền thông, Văn phòng UBND tỉnh',
    ],
    ['4', [72], SBN_T, 'Văn phòng UBND tỉnh; Sở Nội vụ; Sở Thông tin và Truyền thông'],
    ['5', [73], SBN_T, 'Văn phòng UBND tỉnh, Sở Nội vụ, các cơ quan liên quan'],
    [
      '6',
      [78],
      'Các Sở, Ban, ngành, UBND cấp huyện',
      'Văn phòng UBND tỉnh, Sở Tư pháp, Sở Nội vụ, các cơ quan liên quan',
    ],
    ['7', [79], SBN_T, 'Văn phòng UBND tỉnh, Sở Nội vụ, UBND cấp huyện, UBND cấp xã'],
    [
      '8',
      [80],
      'Các Sở, Ban, ngành, các cơ quan ngành dọc đóng trên địa bàn tỉnh',
      'Sở Nội vụ, Văn phòng UBND tỉnh',
    ],
    ['9', [83], 'Sở Thông tin và Truyền thông', 'Sở Nội vụ, Văn phòng UBND tỉnh, UBND cấp huyện'],
    ['10', [84], 'Sở Thông tin và Truyền thông', ALL4],
    ['11', [85], 'Sở Thông tin và Truyền thông', ALL4],
    ['12', [90], SBN_T, 'Sở Thông tin và Truyền thông'],
    ['13', [91], 'Sở Nội vụ', ALL4],
    ['14', [92], ALL4, 'Sở Thông tin và Truyền thông'],
    ['15', [93], 'Sở Tài chính', 'Sở Kế hoạch và Đầu tư, các Sở, ngành, UBND cấp huyện'],
    ['16', [94], 'Sở Thông tin và Truyền thông', 'Sở Tư pháp'],
    [
      '17',
      [97],
      'Sở Nội vụ',
      'Văn phòng UBND tỉnh, các Sở, Ban, ngành, UBND cấp huyện, UBND cấp xã',
    ],
    ['18', [98], 'Sở Nội vụ', 'Văn phòng UBND tỉnh, Sở Tư pháp'],
    ['19', [99], 'Sở Nội vụ', ALL4],
    ['20', [100], 'Các cơ quan thông tin, tuyên truyền của tỉnh', ALL4],
    ['21', [101], 'Sở Nội vụ', ALL4],
  ],
};

const SEEDS = [SEED_000, SEED_001, SEED_002, SEED_004];

/** Every distinct lead/support cell of the seeds → the units a person reads in it. */
const SEED_SPLITS: Record<string, string[]> = {
  '': [],
  // 000
  'Văn phòng HĐND&UBND thị xã': ['Văn phòng HĐND&UBND thị xã'],
  'Các phòng, ban, cơ quan, UBND xã, phường': ['Các phòng, ban, cơ quan', 'UBND xã, phường'],
  'Văn phòng HĐND&UBND, phòng Nội vụ': ['Văn phòng HĐND&UBND', 'phòng Nội vụ'],
  'Trung tâm Hành chính công thị xã, Bộ phận tiếp nhận và trả kết quả cấp xã.': [
    'Trung tâm Hành chính công thị xã',
    'Bộ phận tiếp nhận và trả kết quả cấp xã',
  ],
  'Các phòng, ban, cơ quan thị xã': ['Các phòng, ban, cơ quan thị xã'],
  'Trung tâm Hành chính công thị xã; Bộ phận tiếp nhận và trả kết quả xã, phường': [
    'Trung tâm Hành chính công thị xã',
    'Bộ phận tiếp nhận và trả kết quả xã, phường',
  ],
  '- Sở Thông tin và Truyền thông; - Các phòng, ban, cơ quan thị xã; - UBND xã, phường': [
    'Sở Thông tin và Truyền thông',
    'Các phòng, ban, cơ quan thị xã',
    'UBND xã, phường',
  ],
  'Trung tâm Hành chính công thị xã; Bộ phận tiếp nhận và Trả kết quả xã, phường': [
    'Trung tâm Hành chính công thị xã',
    'Bộ phận tiếp nhận và Trả kết quả xã, phường',
  ],
  '- Các phòng, ban, cơ quan thị xã; - UBND xã, phường': [
    'Các phòng, ban, cơ quan thị xã',
    'UBND xã, phường',
  ],
  '- Ban TCD thị xã; - Các phòng, ban, cơ quan thị xã; - UBND xã, phường': [
    'Ban TCD thị xã',
    'Các phòng, ban, cơ quan thị xã',
    'UBND xã, phường',
  ],
  'Các phòng, ban, cơ quan thị xã; UBND xã, phường': [
    'Các phòng, ban, cơ quan thị xã',
    'UBND xã, phường',
  ],
  'Trung tâm Hành chính công thị xã, UBND xã, phường': [
    'Trung tâm Hành chính công thị xã',
    'UBND xã, phường',
  ],
  '- Các phòng, ban, cơ quan thị xã;': ['Các phòng, ban, cơ quan thị xã'],
  'Văn phòng HĐND&UBND, Trung tâm HCC thị xã': ['Văn phòng HĐND&UBND', 'Trung tâm HCC thị xã'],
  'Trung tâm Hành chính công thị xã': ['Trung tâm Hành chính công thị xã'],
  'Trung tâm Hành chính công thị xã, các phòng, ban, cơ quan thị xã, UBND xã, phường': [
    'Trung tâm Hành chính công thị xã',
    'các phòng, ban, cơ quan thị xã',
    'UBND xã, phường',
  ],
  'Các cơ quan có liên quan': ['Các cơ quan có liên quan'],
  'Sở Thông tin và Truyền thông': ['Sở Thông tin và Truyền thông'],
  '- Phòng Tư pháp, phòng Lao động, Thương binh và Xã hội; - UBND xã, phường': [
    'Phòng Tư pháp',
    'phòng Lao động, Thương binh và Xã hội',
    'UBND xã, phường',
  ],
  // 001
  'Văn phòng HĐND - UBND huyện': ['Văn phòng HĐND - UBND huyện'],
  'Các phòng chuyên môn': ['Các phòng chuyên môn'],
  'Các phòng chuyên môn, UBND các xã, thị trấn': ['Các phòng chuyên môn', 'UBND các xã, thị trấn'],
  'Văn phòng HĐND - UBND huyện và các đơn vị liên quan': [
    'Văn phòng HĐND - UBND huyện',
    'các đơn vị liên quan',
  ],
  'Các đơn vị liên quan': ['Các đơn vị liên quan'],
  'Văn phòng HĐND - UBND huyện Các phòng chuyên môn, UBND các xã, thị trấn': [
    'Văn phòng HĐND - UBND huyện',
    'Các phòng chuyên môn',
    'UBND các xã, thị trấn',
  ],
  'Thanh tra huyện': ['Thanh tra huyện'],
  'Thanh tra huyện, Văn phòng HĐND - UBND huyện': [
    'Thanh tra huyện',
    'Văn phòng HĐND - UBND huyện',
  ],
  'Văn phòng HĐND - UBND huyện (Bộ phận tiếp nhận và trả kết quả)': [
    'Văn phòng HĐND - UBND huyện (Bộ phận tiếp nhận và trả kết quả)',
  ],
  'Bộ phận tiếp nhận và trả kết quả': ['Bộ phận tiếp nhận và trả kết quả'],
  'Văn phòng HĐND': ['Văn phòng HĐND'],
  '- UBND huyện (Bộ phận tiếp nhận và trả kết quả)': [
    'UBND huyện (Bộ phận tiếp nhận và trả kết quả)',
  ],
  'Các cơ quan, đơn vị liên quan': ['Các cơ quan, đơn vị liên quan'],
  'Phòng Nội vụ, Văn phòng HĐND - UBND huyện': ['Phòng Nội vụ', 'Văn phòng HĐND - UBND huyện'],
  // 002
  'Công chức Tư pháp - Hộ tịch': ['Công chức Tư pháp - Hộ tịch'],
  'Các ban, ngành, đoàn thể': ['Các ban, ngành, đoàn thể'],
  'Văn phòng UBND xã': ['Văn phòng UBND xã'],
  'Văn phòng UBND xã, Công chức Văn hóa - Xã hội': [
    'Văn phòng UBND xã',
    'Công chức Văn hóa - Xã hội',
  ],
  'Các ban, ngành': ['Các ban, ngành'],
  'Văn phòng UBND xã, Công chức Bộ phận tiếp nhận và trả kết quả': [
    'Văn phòng UBND xã',
    'Công chức Bộ phận tiếp nhận và trả kết quả',
  ],
  'Công chức Tài chính - Kế toán': ['Công chức Tài chính - Kế toán'],
  'Công chức Văn hóa - Xã hội': ['Công chức Văn hóa - Xã hội'],
  'Công chức Văn hóa': ['Công chức Văn hóa'],
  // A fragment shifted in from the task above, then the real name: the name comes out whole.
  '- Xã hội Công chức Văn hóa - Xã hội': ['Xã hội', 'Công chức Văn hóa - Xã hội'],
  // 004
  'Các Sở, Ban, ngành, UBND cấp huyện, UBND cấp xã': [
    'Các Sở, Ban, ngành',
    'UBND cấp huyện',
    'UBND cấp xã',
  ],
  'Sở Nội vụ, Văn phòng UBND tỉnh': ['Sở Nội vụ', 'Văn phòng UBND tỉnh'],
  'Sở Nội vụ': ['Sở Nội vụ'],
  'Văn phòng UBND tỉnh': ['Văn phòng UBND tỉnh'],
  'Sở Nội vụ, Sở Kế hoạch và Đầu tư, Sở Tài chính, Sở Thông tin và Truyền thông, Văn phòng UBND tỉnh':
    [
      'Sở Nội vụ',
      'Sở Kế hoạch và Đầu tư',
      'Sở Tài chính',
      'Sở Thông tin và Truyền thông',
      'Văn phòng UBND tỉnh',
    ],
  'Các Sở, Ban, ngành của tỉnh': ['Các Sở, Ban, ngành của tỉnh'],
  'Văn phòng UBND tỉnh; Sở Nội vụ; Sở Thông tin và Truyền thông': [
    'Văn phòng UBND tỉnh',
    'Sở Nội vụ',
    'Sở Thông tin và Truyền thông',
  ],
  'Văn phòng UBND tỉnh, Sở Nội vụ, các cơ quan liên quan': [
    'Văn phòng UBND tỉnh',
    'Sở Nội vụ',
    'các cơ quan liên quan',
  ],
  'Các Sở, Ban, ngành, UBND cấp huyện': ['Các Sở, Ban, ngành', 'UBND cấp huyện'],
  'Văn phòng UBND tỉnh, Sở Tư pháp, Sở Nội vụ, các cơ quan liên quan': [
    'Văn phòng UBND tỉnh',
    'Sở Tư pháp',
    'Sở Nội vụ',
    'các cơ quan liên quan',
  ],
  'Văn phòng UBND tỉnh, Sở Nội vụ, UBND cấp huyện, UBND cấp xã': [
    'Văn phòng UBND tỉnh',
    'Sở Nội vụ',
    'UBND cấp huyện',
    'UBND cấp xã',
  ],
  'Các Sở, Ban, ngành, các cơ quan ngành dọc đóng trên địa bàn tỉnh': [
    'Các Sở, Ban, ngành',
    'các cơ quan ngành dọc đóng trên địa bàn tỉnh',
  ],
  'Sở Nội vụ, Văn phòng UBND tỉnh, UBND cấp huyện': [
    'Sở Nội vụ',
    'Văn phòng UBND tỉnh',
    'UBND cấp huyện',
  ],
  'Sở Tài chính': ['Sở Tài chính'],
  'Sở Kế hoạch và Đầu tư, các Sở, ngành, UBND cấp huyện': [
    'Sở Kế hoạch và Đầu tư',
    'các Sở, ngành',
    'UBND cấp huyện',
  ],
  'Sở Tư pháp': ['Sở Tư pháp'],
  'Văn phòng UBND tỉnh, các Sở, Ban, ngành, UBND cấp huyện, UBND cấp xã': [
    'Văn phòng UBND tỉnh',
    'các Sở, Ban, ngành',
    'UBND cấp huyện',
    'UBND cấp xã',
  ],
  'Văn phòng UBND tỉnh, Sở Tư pháp': ['Văn phòng UBND tỉnh', 'Sở Tư pháp'],
  'Các cơ quan thông tin, tuyên truyền của tỉnh': ['Các cơ quan thông tin, tuyên truyền của tỉnh'],
};

function seedTasks(seed: Seed): UnitTask[] {
  return seed.rows.map(([id, rows, lead, support]) => ({
    id,
    rows,
    lead: splitUnits(lead),
    support: splitUnits(support),
  }));
}

/** Cleans a raw seed cell the way the reader does: tags removed, spaces folded. */
function rawCell(line: string, col: number): string {
  const cell = line.split('\t')[col] ?? '';
  return cell
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('seed transcription', () => {
  it.each(SEEDS.map((s) => [s.file, s] as const))(
    'every transcribed cell starts with the cell on its first row (%s)',
    (_file, seed) => {
      const lines = readFileSync(join(__dirname, '../fixtures/seeds', seed.file), 'utf-8').split(
        '\n',
      );
      for (const [id, rows, lead, support] of seed.rows) {
        const line = lines[(rows[0] ?? 0) - 1] ?? '';
        expect([id, lead.startsWith(rawCell(line, seed.leadCol))]).toEqual([id, true]);
        expect([id, support.startsWith(rawCell(line, seed.supportCol))]).toEqual([id, true]);
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------
describe('splitUnits', () => {
  const seedCells = [...new Set(SEEDS.flatMap((s) => s.rows.flatMap((r) => [r[2], r[3]])))];

  it('has an expected split for every lead/support cell of the seeds', () => {
    expect(seedCells.filter((c) => !(c in SEED_SPLITS))).toEqual([]);
  });

  it.each(seedCells.map((c) => [c]))('splits the seed cell %j as a person reads it', (cell) => {
    expect(splitUnits(cell)).toEqual(SEED_SPLITS[cell]);
  });

  it.each([
    // commas between named bodies
    ['Sở Nội vụ, Văn phòng UBND tỉnh', ['Sở Nội vụ', 'Văn phòng UBND tỉnh']],
    [
      'Thanh tra huyện, Văn phòng HĐND - UBND huyện',
      ['Thanh tra huyện', 'Văn phòng HĐND - UBND huyện'],
    ],
    ['Văn phòng HĐND&UBND, phòng Nội vụ', ['Văn phòng HĐND&UBND', 'phòng Nội vụ']],
    [
      'Phòng Tư pháp, phòng Lao động, Thương binh và Xã hội',
      ['Phòng Tư pháp', 'phòng Lao động, Thương binh và Xã hội'],
    ],
    [
      'Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, các cơ quan tổ chức theo ngành dọc',
      ['Công an tỉnh', 'Bộ Chỉ huy Quân sự tỉnh', 'các cơ quan tổ chức theo ngành dọc'],
    ],
    [
      'Hội Nông dân, Hội Phụ nữ, Đoàn Thanh niên',
      ['Hội Nông dân', 'Hội Phụ nữ', 'Đoàn Thanh niên'],
    ],
    ['Sở Tài chính, Kho bạc Nhà nước tỉnh', ['Sở Tài chính', 'Kho bạc Nhà nước tỉnh']],
    // commas inside one name or one collective phrase
    ['Sở Văn hóa, Thể thao và Du lịch', ['Sở Văn hóa, Thể thao và Du lịch']],
    ['Phòng Lao động, Thương binh và Xã hội', ['Phòng Lao động, Thương binh và Xã hội']],
    ['Các Sở, Ban, ngành', ['Các Sở, Ban, ngành']],
    ['Các phòng, ban, cơ quan thị xã', ['Các phòng, ban, cơ quan thị xã']],
    ['UBND xã, phường', ['UBND xã, phường']],
    ['UBND các xã, thị trấn', ['UBND các xã, thị trấn']],
    ['UBND các huyện, thành phố, thị xã', ['UBND các huyện, thành phố, thị xã']],
    ['Các ban, ngành, đoàn thể', ['Các ban, ngành, đoàn thể']],
    ['Các cơ quan, đơn vị liên quan', ['Các cơ quan, đơn vị liên quan']],
    ['UBND cấp huyện, cấp xã', ['UBND cấp huyện, cấp xã']],
    [
      'Sở Văn hóa, Thể thao và Du lịch, Sở Nội vụ',
      ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Nội vụ'],
    ],
    [
      'Các Sở, cơ quan tương đương Sở, UBND các quận, huyện',
      ['Các Sở, cơ quan tương đương Sở', 'UBND các quận, huyện'],
    ],
    ['Các phòng, các ban, các cơ quan', ['Các phòng, các ban, các cơ quan']],
    ['Văn phòng UBND tỉnh, các ban', ['Văn phòng UBND tỉnh', 'các ban']],
    // hyphens inside names never split
    ['Phòng Tài chính - Kế hoạch', ['Phòng Tài chính - Kế hoạch']],
    ['Công chức Văn hóa - Xã hội', ['Công chức Văn hóa - Xã hội']],
    ['Văn phòng HĐND - UBND huyện', ['Văn phòng HĐND - UBND huyện']],
    // semicolons, line breaks and bullets
    ['Sở Nội vụ;Sở Tư pháp', ['Sở Nội vụ', 'Sở Tư pháp']],
    [
      '- Sở Nội vụ\n- Sở Tư pháp\n+ Sở Tài chính\n• Văn phòng UBND tỉnh',
      ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính', 'Văn phòng UBND tỉnh'],
    ],
    ['Sở Nội vụ\r\nSở Tư pháp.', ['Sở Nội vụ', 'Sở Tư pháp']],
    ['  Sở   Nội  vụ ;  ; ', ['Sở Nội vụ']],
    // parentheses stay whole, even with commas, semicolons or line breaks inside
    ['UBND huyện (Phòng Nội vụ, Phòng Tư pháp)', ['UBND huyện (Phòng Nội vụ, Phòng Tư pháp)']],
    ['Sở Nội vụ (Ban Thi đua; Khen thưởng)', ['Sở Nội vụ (Ban Thi đua; Khen thưởng)']],
    ['Sở Nội vụ (Ban Thi đua -\nKhen thưởng)', ['Sở Nội vụ (Ban Thi đua - Khen thưởng)']],
    // names run together by a lost line break
    ['Văn phòng UBND tỉnh Sở Nội vụ', ['Văn phòng UBND tỉnh', 'Sở Nội vụ']],
    ['UBND xã Bình Yên', ['UBND xã Bình Yên']],
    ['Văn phòng UBND xã', ['Văn phòng UBND xã']],
    ['UBND Các xã, phường', ['UBND Các xã, phường']],
    // "… và các <kind>"
    ['Sở Nội vụ và các cơ quan liên quan', ['Sở Nội vụ', 'các cơ quan liên quan']],
    ['Bộ phận tiếp nhận và trả kết quả', ['Bộ phận tiếp nhận và trả kết quả']],
    // empty and junk
    ['', []],
    ['--', []],
    [' ; , ', []],
  ])('%j → %j', (cell, expected) => {
    expect(splitUnits(cell)).toEqual(expected);
  });

  it('returns NFC text for NFD input', () => {
    const nfd = 'Sở Nội vụ, Văn phòng UBND tỉnh'.normalize('NFD');
    expect(splitUnits(nfd)).toEqual(['Sở Nội vụ', 'Văn phòng UBND tỉnh']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('isGroup', () => {
  it.each([
    'Các phòng chuyên môn',
    'Các Sở, Ban, ngành',
    'các Sở, ngành',
    'Các phòng, ban, cơ quan thị xã',
    'Các cơ quan có liên quan',
    'Các cơ quan, đơn vị liên quan',
    'Các ban, ngành, đoàn thể',
    'UBND các xã, thị trấn',
    'UBND các xã, phường',
    'UBND xã, phường',
    'UBND các huyện',
    'UBND cấp huyện',
    'UBND cấp xã',
    'Bộ phận tiếp nhận và trả kết quả cấp xã',
    'Bộ phận tiếp nhận và Trả kết quả xã, phường',
    'Đơn vị liên quan',
    'Sở, ban, ngành',
  ])('%j is a group', (name) => {
    expect(isGroup(name)).toBe(true);
  });

  it.each([
    'Sở Nội vụ',
    'Văn phòng UBND tỉnh',
    'Văn phòng HĐND&UBND thị xã',
    'Văn phòng HĐND - UBND huyện (Bộ phận tiếp nhận và trả kết quả)',
    'Phòng Lao động, Thương binh và Xã hội',
    'Sở Văn hóa, Thể thao và Du lịch',
    'Công chức Văn hóa - Xã hội',
    'Ban Quản lý các khu công nghiệp',
    'Trung tâm PVHCC cấp tỉnh',
    'UBND huyện',
    'Thanh tra huyện',
    '',
  ])('%j is a named body', (name) => {
    expect(isGroup(name)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
describe('unitKey', () => {
  const same: [string, string][] = [
    ['Văn phòng UBND tỉnh', 'Văn phòng UBND tỉnh'.normalize('NFD')],
    ['Ủy ban nhân dân huyện', 'Uỷ ban nhân dân huyện'],
    ['UBND huyện', 'Ủy ban nhân dân huyện'],
    ['UBND huyện', 'uỷ ban nhân dân Huyện'],
    ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Văn hoá, Thể thao và Du lịch'],
    ['Tòa án nhân dân huyện', 'Toà án nhân dân huyện'],
    ['Sở Nội vụ', '  sở  nội vụ. '],
    ['Văn phòng HĐND&UBND thị xã', 'Văn phòng HĐND và UBND thị xã'],
    ['Văn phòng HĐND&UBND thị xã', 'Văn phòng HĐND - UBND thị xã'],
    ['Văn phòng HĐND&UBND thị xã', 'Văn phòng HĐND-UBND thị xã'],
    ['Văn phòng HĐND&UBND thị xã', 'VP HĐND & UBND thị xã'],
    ['Văn phòng HĐND và UBND huyện', 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện'],
    ['Văn phòng UBND tỉnh', 'VPUBND tỉnh'],
    ['Sở TT&TT', 'Sở Thông tin và Truyền thông'],
    ['Sở Thông tin & Truyền thông', 'Sở Thông tin và Truyền thông'],
    ['Sở KH&ĐT', 'Sở Kế hoạch và Đầu tư'],
    ['Sở TN&MT', 'Sở Tài nguyên và Môi trường'],
    ['Sở NN&PTNT', 'Sở Nông nghiệp và Phát triển nông thôn'],
    ['Phòng LĐ-TB&XH', 'Phòng Lao động, Thương binh và Xã hội'],
    ['Phòng LĐ-TB&XH', 'Phòng Lao động - Thương binh và Xã hội'],
    ['Sở GD&ĐT', 'Sở Giáo dục và Đào tạo'],
    ['Sở GDĐT', 'Sở Giáo dục và Đào tạo'],
    ['Phòng TC-KH', 'Phòng Tài chính - Kế hoạch'],
    ['Ủy ban MTTQ Việt Nam xã', 'UBMTTQ Việt Nam xã'],
    ['Ủy ban MTTQ xã', 'Ủy ban Mặt trận Tổ quốc xã'],
    ['Trung tâm HCC thị xã', 'Trung tâm Hành chính công thị xã'],
    ['Trung tâm HCC tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh'],
    ['Trung tâm PVHCC tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh'],
    ['Bộ phận một cửa', 'Bộ phận tiếp nhận và trả kết quả'],
    ['Bộ phận tiếp nhận và Trả kết quả xã, phường', 'Bộ phận tiếp nhận và trả kết quả xã, phường'],
    ['Ðoàn Thanh niên', 'Đoàn Thanh niên'], // U+00D0 for Đ
  ];
  it.each(same)('%j = %j', (a, b) => {
    expect(unitKey(a)).toBe(unitKey(b));
  });

  const different: [string, string][] = [
    ['Văn phòng UBND tỉnh', 'Văn phòng HĐND&UBND thị xã'],
    ['Sở Nội vụ', 'Phòng Nội vụ'],
    ['UBND huyện', 'UBND xã'],
    ['Văn phòng HĐND', 'Văn phòng HĐND - UBND huyện'],
    ['Văn phòng HĐND&UBND thị xã', 'Văn phòng HĐND&UBND'],
    ['UBND thị xã', 'UBND xã'],
    ['Sở Tư pháp', 'Sở Tài chính'],
    // ambiguous abbreviations are never expanded
    ['UBND TP', 'UBND thành phố'],
    ['Phòng KT', 'Phòng Kinh tế'],
    ['CT UBND xã', 'Chủ tịch UBND xã'],
  ];
  it.each(different)('%j ≠ %j', (a, b) => {
    expect(unitKey(a)).not.toBe(unitKey(b));
  });

  it('is lowercase, NFC and without connectors', () => {
    expect(unitKey('Văn phòng HĐND&UBND thị xã')).toBe(
      'văn phòng hội đồng nhân dân uỷ ban nhân dân thị xã'.normalize('NFC'),
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe('buildUnitDirectory on the seeds', () => {
  it('seed 000: "Văn phòng HĐND&UBND thị xã" and "Văn phòng HĐND&UBND" are one unit', () => {
    const { units, aliasToUnit, findings } = buildUnitDirectory(seedTasks(SEED_000));
    const vp = units.find((u) => u.name === 'Văn phòng HĐND&UBND thị xã');
    expect(vp).toEqual({
      name: 'Văn phòng HĐND&UBND thị xã',
      group: false,
      aliases: ['Văn phòng HĐND&UBND', 'Văn phòng HĐND&UBND thị xã'],
      leadCount: 8,
      supportCount: 3,
    });
    expect(aliasToUnit.get('Văn phòng HĐND&UBND')).toBe('Văn phòng HĐND&UBND thị xã');
    // "Trung tâm HCC thị xã" is "Trung tâm Hành chính công thị xã".
    const tt = units.find((u) => u.name === 'Trung tâm Hành chính công thị xã');
    expect(tt?.aliases).toEqual(['Trung tâm Hành chính công thị xã', 'Trung tâm HCC thị xã']);
    expect([tt?.leadCount, tt?.supportCount]).toEqual([6, 5]);
    // "Các phòng, ban, cơ quan" (in a thị xã plan) is "Các phòng, ban, cơ quan thị xã".
    const pb = units.find((u) => u.name === 'Các phòng, ban, cơ quan thị xã');
    expect(pb?.group).toBe(true);
    expect(pb?.aliases).toEqual([
      'Các phòng, ban, cơ quan',
      'các phòng, ban, cơ quan thị xã',
      'Các phòng, ban, cơ quan thị xã',
    ]);
    // Lead: I.2, II.1, V.5, V.7, V.8, V.9; support: I.1, I.3, III.1, III.2, IV.1, IV.2, V.1, V.2, V.6, VI.2.
    expect([pb?.leadCount, pb?.supportCount]).toEqual([6, 10]);
    const bp = units.find((u) => u.aliases.includes('Bộ phận tiếp nhận và trả kết quả xã, phường'));
    expect(bp?.name).toBe('Bộ phận tiếp nhận và Trả kết quả xã, phường');
    expect(bp?.group).toBe(true);
    expect(units.map((u) => u.name)).toEqual([
      'Văn phòng HĐND&UBND thị xã',
      'Các phòng, ban, cơ quan thị xã',
      'Trung tâm Hành chính công thị xã',
      'UBND xã, phường',
      'Bộ phận tiếp nhận và Trả kết quả xã, phường',
      'Sở Thông tin và Truyền thông',
      'Bộ phận tiếp nhận và trả kết quả cấp xã',
      'Ban TCD thị xã',
      'Các cơ quan có liên quan',
      'Phòng Lao động, Thương binh và Xã hội',
      'Phòng Nội vụ',
      'Phòng Tư pháp',
    ]);
    expect(findings).toEqual([]);
  });

  it('seed 001: "Văn phòng HĐND" and "Văn phòng HĐND - UBND huyện" are not merged but flagged', () => {
    const { units, findings } = buildUnitDirectory(seedTasks(SEED_001));
    const names = units.map((u) => u.name);
    expect(names).toContain('Văn phòng HĐND');
    expect(names).toContain('Văn phòng HĐND - UBND huyện');
    const vp = units.find((u) => u.name === 'Văn phòng HĐND - UBND huyện');
    expect([vp?.leadCount, vp?.supportCount]).toEqual([10, 3]);
    const lq = units.find((u) => u.name === 'Các đơn vị liên quan');
    expect(lq?.aliases).toEqual(['các đơn vị liên quan', 'Các đơn vị liên quan']);
    expect(lq?.group).toBe(true);
    const cm = units.find((u) => u.name === 'Các phòng chuyên môn');
    // IX.1 names it as lead and as support: counted once in each.
    expect([cm?.leadCount, cm?.supportCount]).toEqual([8, 12]);
    expect(findings).toEqual([
      {
        code: 'unit-maybe-same',
        severity: 'info',
        task: 'VIII.1',
        message: expect.stringContaining('"Văn phòng HĐND" và "Văn phòng HĐND - UBND huyện"'),
        messageEn: expect.stringContaining('"Văn phòng HĐND" and "Văn phòng HĐND - UBND huyện"'),
        rows: [141],
        suggestion: expect.stringMatching(/^Thống nhất cách viết/),
        suggestionEn: expect.stringMatching(/^Use one spelling/),
        field: 'lead',
        params: {
          first: 'Văn phòng HĐND',
          second: 'Văn phòng HĐND - UBND huyện',
          target: 'Văn phòng HĐND',
          other: 'Văn phòng HĐND - UBND huyện',
          tasks: ['VIII.1'],
        },
      },
    ]);
  });

  it('seed 002: one unit per spelling family; "Công chức Văn hóa" is flagged, not merged', () => {
    const { units, findings } = buildUnitDirectory(seedTasks(SEED_002));
    const vp = units[0];
    expect(vp).toEqual({
      name: 'Văn phòng UBND xã',
      group: false,
      aliases: ['Văn phòng UBND xã'],
      leadCount: 15,
      supportCount: 2,
    });
    expect(findings.map((f) => [f.code, f.task, f.rows])).toEqual([
      // "Các ban, ngành" / "Các ban, ngành, đoàn thể" are two groups, not one spelled two ways.
      ['unit-maybe-same', 'VI.19', [121, 123]],
    ]);
    expect(findings[0]?.message).toContain('"Công chức Văn hóa" và "Công chức Văn hóa - Xã hội"');
  });

  it('seed 004: "Các Sở, Ban, ngành" merges into "Các Sở, Ban, ngành của tỉnh" (a province plan)', () => {
    const { units, findings } = buildUnitDirectory(seedTasks(SEED_004));
    const sbn = units.find((u) => u.aliases.includes('Các Sở, Ban, ngành của tỉnh'));
    expect(sbn?.name).toBe('Các Sở, Ban, ngành');
    expect(sbn?.aliases).toEqual([
      'các Sở, Ban, ngành',
      'Các Sở, Ban, ngành',
      'Các Sở, Ban, ngành của tỉnh',
    ]);
    expect([sbn?.leadCount, sbn?.supportCount]).toEqual([9, 7]);
    expect(units.slice(0, 4).map((u) => [u.name, u.leadCount, u.supportCount])).toEqual([
      ['Các Sở, Ban, ngành', 9, 7],
      ['Sở Nội vụ', 6, 8],
      ['UBND cấp huyện', 4, 10],
      ['Sở Thông tin và Truyền thông', 4, 4],
    ]);
    expect(units.find((u) => u.name === 'UBND cấp xã')?.group).toBe(true);
    expect(units.find((u) => u.name === 'Văn phòng UBND tỉnh')?.group).toBe(false);
    expect(findings).toEqual([]);
  });
});

describe('buildUnitDirectory rules', () => {
  const task = (id: string, lead: string[], support: string[] = [], rows = [Number(id)]) => ({
    id,
    lead,
    support,
    rows,
  });

  it('merges spelling variants and picks the most frequent spelling', () => {
    const { units, aliasToUnit } = buildUnitDirectory([
      task('1', ['Văn phòng HĐND và UBND huyện']),
      task('2', ['Văn phòng HĐND - UBND huyện']),
      task('3', ['Văn phòng HĐND - UBND huyện'.normalize('NFD')]),
      task('4', [], ['Uỷ ban nhân dân huyện']),
      task('5', [], ['UBND huyện']),
    ]);
    expect(units).toEqual([
      {
        name: 'Văn phòng HĐND - UBND huyện',
        group: false,
        aliases: ['Văn phòng HĐND - UBND huyện', 'Văn phòng HĐND và UBND huyện'],
        leadCount: 3,
        supportCount: 0,
      },
      {
        name: 'Uỷ ban nhân dân huyện',
        group: false,
        aliases: ['UBND huyện', 'Uỷ ban nhân dân huyện'],
        leadCount: 0,
        supportCount: 2,
      },
    ]);
    expect(aliasToUnit.get('Văn phòng HĐND - UBND huyện'.normalize('NFD'))).toBe(
      'Văn phòng HĐND - UBND huyện',
    );
  });

  it('counts a task once per unit, even when it names the unit twice', () => {
    const { units } = buildUnitDirectory([
      task('1', ['Sở Nội vụ', 'Sở Nội vụ.'], ['Sở Nội vụ', 'Sở Nội Vụ']),
    ]);
    expect(units).toEqual([
      {
        name: 'Sở Nội vụ',
        group: false,
        aliases: ['Sở Nội vụ', 'Sở Nội Vụ'],
        leadCount: 1,
        supportCount: 1,
      },
    ]);
  });

  it('breaks ties by the longest spelling', () => {
    const { units } = buildUnitDirectory([
      task('1', ['Sở KH&ĐT']),
      task('2', ['Sở Kế hoạch và Đầu tư']),
    ]);
    expect(units[0]?.name).toBe('Sở Kế hoạch và Đầu tư');
  });

  it('never merges different units', () => {
    const { units } = buildUnitDirectory([
      task('1', ['Văn phòng UBND tỉnh', 'Văn phòng HĐND&UBND thị xã']),
      task('2', ['Sở Nội vụ', 'Phòng Nội vụ']),
      task('3', ['UBND huyện', 'UBND xã']),
    ]);
    expect(units).toHaveLength(6);
  });

  it('merges a name without a level only into the candidate at the plan level', () => {
    // A district plan: "Văn phòng UBND" is the district's office, not the province's.
    const tasks = [
      task('1', ['Văn phòng UBND huyện']),
      task('2', ['Văn phòng UBND huyện']),
      task('3', ['Thanh tra huyện'], ['Văn phòng UBND tỉnh']),
      task('4', ['Văn phòng UBND']),
    ];
    const auto = buildUnitDirectory(tasks);
    expect(auto.units.find((u) => u.name === 'Văn phòng UBND huyện')?.aliases).toEqual([
      'Văn phòng UBND',
      'Văn phòng UBND huyện',
    ]);
    // Told the plan is a province's, the same name goes to "Văn phòng UBND tỉnh".
    const province = buildUnitDirectory(tasks, { level: 'Tỉnh' });
    expect(province.units.find((u) => u.name === 'Văn phòng UBND tỉnh')?.aliases).toEqual([
      'Văn phòng UBND',
      'Văn phòng UBND tỉnh',
    ]);
  });

  it('does not merge a name without a level when the candidate is at another level: a finding', () => {
    const { units, findings } = buildUnitDirectory([
      task('1', ['Thanh tra huyện']),
      task('2', ['Thanh tra huyện']),
      task('3', ['Văn phòng UBND tỉnh']),
      task('4', ['Văn phòng UBND'], [], [40, 41]),
    ]);
    expect(units).toHaveLength(3);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'unit-maybe-same',
        task: '4',
        rows: [40, 41],
        field: 'lead',
      }),
    ]);
  });

  it('does not merge when the plan level is unknown and several candidates exist', () => {
    const { units, findings } = buildUnitDirectory([
      task('1', ['Văn phòng HĐND và UBND huyện']),
      task('2', ['Văn phòng HĐND và UBND xã']),
      task('3', ['Văn phòng HĐND và UBND']),
    ]);
    expect(units).toHaveLength(3);
    expect(findings.map((f) => f.code)).toEqual(['unit-maybe-same', 'unit-maybe-same']);
  });

  it('orders units by lead count, support count, then Vietnamese name order', () => {
    const { units } = buildUnitDirectory([
      task('1', ['Đài Truyền thanh'], ['Văn phòng UBND xã']),
      task('2', ['Ban Văn hóa'], ['Công an xã']),
      task('3', ['Ủy ban MTTQ xã'], ['Công an xã']),
      task('4', ['Đài Truyền thanh']),
    ]);
    expect(units.map((u) => u.name)).toEqual([
      'Đài Truyền thanh',
      'Ban Văn hóa',
      'Ủy ban MTTQ xã',
      'Công an xã',
      'Văn phòng UBND xã',
    ]);
  });

  it('ignores empty names and handles no tasks', () => {
    expect(buildUnitDirectory([])).toEqual({ units: [], aliasToUnit: new Map(), findings: [] });
    expect(buildUnitDirectory([task('1', ['', ' - '])]).units).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('buildUnitDirectory with a supplied directory', () => {
  const directory: UnitDirectoryEntry[] = [
    {
      name: 'Văn phòng HĐND và UBND thị xã',
      aliases: ['VP HĐND&UBND', 'Văn phòng'],
      group: false,
      members: [],
    },
    {
      name: 'Các phòng, ban, cơ quan thị xã',
      aliases: ['Các phòng, ban, cơ quan'],
      group: true,
      members: ['Phòng Nội vụ', 'Phòng Tư pháp'],
    },
    { name: 'UBND xã, phường', aliases: [], group: true, members: [] },
    { name: 'Trung tâm Hành chính công thị xã', aliases: [], group: false, members: [] },
    { name: 'Sở Thông tin và Truyền thông', aliases: ['Sở TT&TT'], group: false, members: [] },
  ];

  it('names units by the directory and raises unit-unknown for the rest', () => {
    const { units, aliasToUnit, findings } = buildUnitDirectory(seedTasks(SEED_000), { directory });
    const vp = units.find((u) => u.name === 'Văn phòng HĐND và UBND thị xã');
    expect(vp?.aliases).toEqual([
      'Văn phòng HĐND và UBND thị xã',
      'Văn phòng HĐND&UBND',
      'Văn phòng HĐND&UBND thị xã',
    ]);
    expect([vp?.leadCount, vp?.supportCount]).toEqual([8, 3]);
    expect(aliasToUnit.get('Văn phòng HĐND&UBND thị xã')).toBe('Văn phòng HĐND và UBND thị xã');
    expect(aliasToUnit.get('Trung tâm HCC thị xã')).toBe('Trung tâm Hành chính công thị xã');
    const pb = units.find((u) => u.name === 'Các phòng, ban, cơ quan thị xã');
    expect(pb?.members).toEqual(['Phòng Nội vụ', 'Phòng Tư pháp']);
    expect(pb?.group).toBe(true);
    // Units never named in the plan are not listed.
    expect(units.some((u) => u.name === 'Sở TT&TT')).toBe(false);

    const unknown = findings.filter((f) => f.code === 'unit-unknown');
    expect(unknown.map((f) => [f.task, f.field, f.message.match(/"([^"]+)"/)?.[1]])).toEqual([
      ['I.2', 'support', 'Phòng Nội vụ'],
      ['III.1', 'lead', 'Bộ phận tiếp nhận và trả kết quả cấp xã'],
      ['III.2', 'lead', 'Bộ phận tiếp nhận và Trả kết quả xã, phường'],
      ['IV.2', 'support', 'Ban TCD thị xã'],
      ['V.8', 'support', 'Các cơ quan có liên quan'],
      ['VI.1', 'support', 'Phòng Tư pháp'],
      ['VI.1', 'support', 'Phòng Lao động, Thương binh và Xã hội'],
    ]);
    expect(unknown.every((f) => f.severity === 'warning')).toBe(true);
    const bp = unknown[2];
    expect(bp?.message).toContain('không có trong danh mục');
    expect(bp?.messageEn).toContain('is not in the unit directory');
    expect(bp?.rows).toEqual([82, 84, 87, 97]);
  });

  it('keeps automatic merging among unknown names', () => {
    const { units, findings } = buildUnitDirectory(
      [
        { id: '1', lead: ['Sở Nội vụ'], support: [], rows: [1] },
        { id: '2', lead: ['sở nội vụ'], support: [], rows: [2] },
      ],
      { directory: [] },
    );
    expect(units).toHaveLength(1);
    expect(findings.map((f) => [f.code, f.task, f.rows])).toEqual([['unit-unknown', '1', [1, 2]]]);
  });

  it('suggests a directory entry that is probably meant (no unit-maybe-same next to it)', () => {
    const { findings } = buildUnitDirectory(
      [
        { id: '1', lead: ['Văn phòng HĐND'], support: [], rows: [7] },
        { id: '2', lead: ['Văn phòng HĐND - UBND huyện'], support: [], rows: [8] },
      ],
      {
        directory: [
          { name: 'Văn phòng HĐND - UBND huyện', aliases: [], group: false, members: [] },
        ],
      },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.suggestion).toContain('Văn phòng HĐND - UBND huyện');
  });
});

// ---------------------------------------------------------------------------------------------
describe('parseUnitDirectory', () => {
  it('reads a JSON array', () => {
    const json = JSON.stringify([
      { name: ' Sở Nội vụ ', aliases: ['SNV', 'Sở NV'], group: false },
      {
        name: 'Các phòng chuyên môn',
        aliases: 'Phòng chuyên môn; Các phòng CM',
        group: 'x',
        members: 'Phòng Nội vụ; Phòng Tư pháp',
      },
      { tên: 'UBND các xã', 'tên khác': [], nhóm: 'có', 'thành viên': ['UBND xã A'] },
      'Thanh tra huyện',
    ]);
    expect(parseUnitDirectory(json, 'json')).toEqual([
      { name: 'Sở Nội vụ', aliases: ['SNV', 'Sở NV'], group: false, members: [] },
      {
        name: 'Các phòng chuyên môn',
        aliases: ['Phòng chuyên môn', 'Các phòng CM'],
        group: true,
        members: ['Phòng Nội vụ', 'Phòng Tư pháp'],
      },
      { name: 'UBND các xã', aliases: [], group: true, members: ['UBND xã A'] },
      { name: 'Thanh tra huyện', aliases: [], group: false, members: [] },
    ]);
  });

  it('reads { units: [...] } and group values 1 / "1" / "true"', () => {
    const json =
      '\ufeff{"units":[{"name":"A","group":1},{"name":"B","group":"1"},{"name":"C","group":"TRUE"},{"name":"D","group":""}]}';
    expect(parseUnitDirectory(json, 'json').map((e) => e.group)).toEqual([true, true, true, false]);
  });

  it('reads CSV with Vietnamese headers', () => {
    const csv = [
      'Tên,Tên khác,Nhóm,Thành viên',
      'Sở Nội vụ,"SNV; Sở NV",,',
      '"Sở Văn hóa, Thể thao và Du lịch",Sở VHTTDL,,',
      'Các phòng chuyên môn,,x,"Phòng Nội vụ; Phòng Tư pháp"',
      '',
    ].join('\r\n');
    expect(parseUnitDirectory(csv, 'csv')).toEqual([
      { name: 'Sở Nội vụ', aliases: ['SNV', 'Sở NV'], group: false, members: [] },
      {
        name: 'Sở Văn hóa, Thể thao và Du lịch',
        aliases: ['Sở VHTTDL'],
        group: false,
        members: [],
      },
      {
        name: 'Các phòng chuyên môn',
        aliases: [],
        group: true,
        members: ['Phòng Nội vụ', 'Phòng Tư pháp'],
      },
    ]);
  });

  it('reads CSV with English headers, semicolon or tab delimiters, and a name column only', () => {
    expect(parseUnitDirectory('name;aliases;group\nSở Nội vụ;"SNV; Sở NV";true\n', 'csv')).toEqual([
      { name: 'Sở Nội vụ', aliases: ['SNV', 'Sở NV'], group: true, members: [] },
    ]);
    expect(parseUnitDirectory('members\tname\nA; B\tNhóm X\n', 'csv')).toEqual([
      { name: 'Nhóm X', aliases: [], group: false, members: ['A', 'B'] },
    ]);
    expect(parseUnitDirectory('tên\nSở Nội vụ\nSở Tư pháp', 'csv').map((e) => e.name)).toEqual([
      'Sở Nội vụ',
      'Sở Tư pháp',
    ]);
  });

  it.each([
    ['json', '[{"name": "A",}]', /JSON không hợp lệ.*\/ unit directory: invalid JSON/],
    ['json', '{"name": "A"}', /phải là một mảng/],
    ['json', '[{"aliases": ["A"]}]', /mục 1: thiếu tên đơn vị .*entry 1: the unit name is empty/],
    ['json', '[{"name": "  "}]', /thiếu tên đơn vị/],
    ['json', '[{"name": 5}]', /"tên" phải là chuỗi/],
    ['json', '[42]', /mỗi đơn vị phải là một đối tượng/],
    ['json', '[{"name": "A", "group": "maybe"}]', /giá trị "nhóm" không hiểu được/],
    ['json', '[{"name": "A", "aliases": [1]}]', /mỗi phần tử của "tên khác" phải là chuỗi/],
    [
      'json',
      '[{"name": "Sở Nội vụ"}, {"name": "B", "aliases": ["sở nội vụ"]}]',
      /trùng với đơn vị "Sở Nội vụ"/,
    ],
    ['csv', 'ten khac,nhom\nA,x\n', /thiếu cột tên .*no name column/],
    ['csv', 'tên,nhóm\nA,x\n,x\n', /dòng 3: thiếu tên đơn vị .*row 3/],
    ['csv', '', /tệp CSV trống/],
    ['csv', 'tên,tên khác\n"Sở Nội vụ,SNV\n', /CSV không hợp lệ/],
  ] as const)('throws on malformed %s: %j', (format, content, message) => {
    expect(() => parseUnitDirectory(content, format)).toThrow(message);
  });

  it('a parsed CSV directory drives buildUnitDirectory', () => {
    const directory = parseUnitDirectory(
      'tên,tên khác,nhóm\nVăn phòng HĐND và UBND huyện,Văn phòng HĐND,\nCác phòng chuyên môn,,x\n',
      'csv',
    );
    const { units, findings } = buildUnitDirectory(seedTasks(SEED_001), { directory });
    const vp = units.find((u) => u.name === 'Văn phòng HĐND và UBND huyện');
    expect(vp?.aliases).toEqual([
      'Văn phòng HĐND',
      'Văn phòng HĐND - UBND huyện',
      'Văn phòng HĐND và UBND huyện',
    ]);
    expect([vp?.leadCount, vp?.supportCount]).toEqual([11, 3]);
    expect(findings.filter((f) => f.code === 'unit-maybe-same')).toEqual([]);
    expect(findings.filter((f) => f.code === 'unit-unknown').map((f) => f.task)).toEqual([
      'II.1',
      'II.3',
      'VI.2',
      'VII.2',
      'VII.3',
      'VIII.2',
      'VIII.3',
      'IX.3',
    ]);
  });
});
