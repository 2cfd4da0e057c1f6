import { largeClaimYuan } from './intakeVocabulary.ts';
import type { OrgProfile, Severity } from './vocabulary.ts';

/**
 * Suggests a category and severity from what the complainant said, so the receptionist only
 * corrects. Keyword lists cover simplified and traditional Chinese and English; the profile
 * adds its own signals (a medical dispute in a hospital, a trapped lift in a property office).
 * The receptionist always has the last word: this only fills fields not yet touched.
 */

const urgentWords = [
  '安全隐患',
  '火灾',
  '着火',
  '起火',
  '冒烟',
  '漏电',
  '触电',
  '燃气',
  '煤气',
  '坠落',
  '困人',
  '被困',
  '受伤',
  '流血',
  '昏迷',
  '死亡',
  '抢救',
  '危险',
  '中毒',
  '倒塌',
  '殴打',
  '打人',
  '自杀',
  '失火',
  '著火',
  '漏電',
  '觸電',
  '燃氣',
  '煤氣',
  '墜落',
  '受傷',
  '搶救',
  '危險',
  '毆打',
  '安全隱患',
  'fire',
  'smoke',
  'gas leak',
  'electric shock',
  'injured',
  'injury',
  'trapped',
  'unconscious',
  'collapse',
  'danger',
];

const majorWords = [
  '媒体',
  '记者',
  '曝光',
  '律师',
  '起诉',
  '法院',
  '赔偿',
  '索赔',
  '集体',
  '联名',
  '多人',
  '上访',
  '市长热线',
  '12345',
  '卫健委',
  '医疗事故',
  '医疗纠纷',
  '误诊',
  '媒體',
  '記者',
  '律師',
  '起訴',
  '賠償',
  '索賠',
  '集體',
  '聯名',
  '醫療事故',
  '醫療糾紛',
  '誤診',
  'media',
  'journalist',
  'lawyer',
  'sue',
  'court',
  'compensation',
  'malpractice',
  'petition',
];

const profileWords: Record<OrgProfile, { urgent: string[]; major: string[] }> = {
  hospital: { urgent: ['病危', '抢救无效', '搶救無效', 'critical condition'], major: ['手术', '手術', '用药错误', '用藥錯誤', 'surgery'] },
  property: { urgent: ['电梯困人', '電梯困人', '水管爆裂', '爆管', 'burst pipe'], major: ['漏水', '渗水', '滲水', 'leak'] },
  serviceHall: { urgent: [], major: ['多次往返', '跑了好几趟', '跑了好幾趟', 'several trips'] },
};

/** Category keys as seeded per profile (core/setup/profileDefaults.ts), with what points to them. */
const categoryWords: Record<string, string[]> = {
  attitude: ['态度', '冷淡', '不耐烦', '骂', '凶', '不理', '推诿', '態度', '不耐煩', '推諉', 'rude', 'attitude', 'impolite'],
  medicalQuality: [
    '误诊',
    '治疗',
    '手术',
    '用药',
    '诊断',
    '病情',
    '医疗',
    '護理',
    '护理',
    '誤診',
    '治療',
    '手術',
    '用藥',
    '診斷',
    '醫療',
    'treatment',
    'diagnos',
  ],
  billing: [
    '收费',
    '费用',
    '多收',
    '乱收',
    '退费',
    '价格',
    '账单',
    '發票',
    '发票',
    '收費',
    '費用',
    '退費',
    '價格',
    '帳單',
    'charge',
    'bill',
    'fee',
  ],
  fees: ['物业费', '收费', '费用', '多收', '乱收', '停车费', '物業費', '收費', '費用', '停車費', 'fee', 'charge'],
  waiting: ['排队', '等候', '等待', '候诊', '太久', '过久', '叫号', '排隊', '候診', '過久', '叫號', 'wait', 'queue'],
  facilities: [
    '电梯',
    '设施',
    '设备',
    '空调',
    '厕所',
    '轮椅',
    '電梯',
    '設施',
    '設備',
    '空調',
    '廁所',
    '輪椅',
    'elevator',
    'lift',
    'toilet',
  ],
  hygiene: ['卫生', '脏', '垃圾', '异味', '清洁', '蟑螂', '衛生', '髒', '異味', '清潔', 'dirty', 'rubbish', 'smell'],
  repairs: ['维修', '报修', '漏水', '堵塞', '修理', '維修', '報修', '修理', 'repair', 'leak', 'blocked'],
  security: ['保安', '门禁', '被盗', '偷', '监控', '停车', '門禁', '被盜', '監控', '停車', 'security', 'theft', 'stolen'],
  businessHandling: ['办理', '材料', '审批', '手续', '窗口', '業務', '辦理', '審批', '手續', 'application', 'paperwork'],
};

export interface TriageSuggestion {
  /** A category key of the profile, or null when nothing points anywhere. */
  categoryKey: string | null;
  severity: Severity;
  /** The words that made the suggestion, shown so the receptionist can judge it. */
  signals: string[];
  /** A claim above the mediation threshold (yuan) was mentioned. */
  largeClaim: boolean;
}

const count = (text: string, words: readonly string[]) => words.filter((w) => text.includes(w));

/** Amounts like `3万`, `25000元`, `2.5万元`, `￥30000` in the text, in yuan. */
export function claimedAmounts(text: string): number[] {
  const amounts: number[] = [];
  for (const m of text.matchAll(/(?:[￥¥]\s*)?(\d+(?:\.\d+)?)\s*(万|萬|千|元|块|塊|yuan|rmb)/gi)) {
    const value = Number(m[1]);
    const unit = (m[2] ?? '').toLowerCase();
    amounts.push(unit === '万' || unit === '萬' ? value * 10_000 : unit === '千' ? value * 1_000 : value);
  }
  for (const m of text.matchAll(/[￥¥]\s*(\d+(?:\.\d+)?)(?!\s*(?:万|萬|千|元))/g)) amounts.push(Number(m[1]));
  return amounts;
}

export function suggestTriage(text: string, profile: OrgProfile, categoryKeys: readonly string[]): TriageSuggestion {
  const lower = text.toLowerCase();
  const urgent = [...count(lower, urgentWords), ...count(lower, profileWords[profile].urgent)];
  const major = [...count(lower, majorWords), ...count(lower, profileWords[profile].major)];
  const largeClaim = claimedAmounts(text).some((a) => a > largeClaimYuan);
  const severity: Severity = urgent.length > 0 ? 'urgent' : major.length > 0 || largeClaim ? 'major' : 'general';
  let categoryKey: string | null = null;
  let best = 0;
  let categorySignals: string[] = [];
  for (const key of categoryKeys) {
    const hits = count(lower, categoryWords[key] ?? []);
    if (hits.length > best) {
      best = hits.length;
      categoryKey = key;
      categorySignals = hits;
    }
  }
  return { categoryKey, severity, signals: [...new Set([...urgent, ...major, ...categorySignals])], largeClaim };
}
