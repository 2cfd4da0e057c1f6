import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskInput } from '../../domain/api/deskApi.ts';
import { textLimits } from '../../domain/api/limits.ts';
import { rowCounts } from './storeSnapshot.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

const now = new Date('2026-11-20T02:00:00Z'); // Friday 10:00 desk time
let desk: Awaited<ReturnType<typeof openTestDesk>>;
let departments: { id: string; name: string }[];
let categories: { id: string; name: string; code: string | null }[];

beforeAll(async () => {
  desk = await openTestDesk({ now: () => now });
  await desk.setupAndLogin();
  const options = await desk.call('registration.options', {});
  departments = options.departments;
  categories = options.categories;
});
afterAll(() => desk.close());

const dep = (name: string) => departments.find((d) => d.name === name)?.id ?? '';

describe('full intake', () => {
  it('records every field of a letter complaint from a group, with witnesses, and shows it back', async () => {
    const input: DeskInput<'cases.register'> = {
      type: 'complaint',
      channel: 'letter',
      complainant: {
        name: '李桂兰',
        phone: '+86 139 1234 5678',
        relation: 'family',
        unit: '住院部 12 床',
        address: '幸福路 8 号',
        idNumber: '110101195001011234',
      },
      coComplainants: [
        { name: '李建华', phone: '0571-87654321' },
        { name: '王芳', relation: 'family' },
      ],
      headCount: 5,
      witnesses: [{ name: '赵护士', phone: '13700001111' }],
      subject: '夜间护理不到位',
      content: '母亲住院期间夜里按铃半小时无人应答。',
      demands: '要求护理部书面答复并改进夜班安排',
      categoryId: categories.find((c) => c.code === 'attitude')?.id,
      severity: 'major',
      respondent: { departmentId: dep('护理部'), person: '夜班护士' },
      occurredAt: '2026-11-15T22:30:00+08:00',
      occurredPlace: '住院部 3 楼',
      letter: { number: 'XF-2026-118', date: '2026-11-17' },
      receivedAt: '2026-11-18T09:15:00+08:00',
      confidential: true,
    };
    const { id } = await desk.call('cases.register', input);
    const detail = await desk.call('cases.get', { id });
    expect(detail).toMatchObject({
      channel: 'letter',
      severity: 'major',
      complainant: { name: '李桂兰', relation: 'family', unit: '住院部 12 床', idNumber: '110101195001011234' },
      demands: '要求护理部书面答复并改进夜班安排',
      confidential: true,
      respondent: { departmentId: dep('护理部'), person: '夜班护士' },
      receivedAt: '2026-11-18T01:15:00.000Z',
      registeredBy: '王主任',
      intake: {
        letter: { number: 'XF-2026-118', date: '2026-11-17' },
        headCount: 5,
        coComplainants: [
          { name: '李建华', phone: '0571-87654321' },
          { name: '王芳', relation: 'family' },
        ],
        witnesses: [{ name: '赵护士', phone: '13700001111' }],
        occurredAt: '2026-11-15T14:30:00.000Z',
        occurredPlace: '住院部 3 楼',
      },
    });
    // A letter received earlier is on the clock from its receipt, not from when it was typed in.
    expect(detail.deadlines.feedback < (await desk.call('cases.register', sampleComplaint)).deadlines.feedback).toBe(true);
  });

  it('takes a transferred case with its source and reference, and finds co-complainants by search', async () => {
    const { id } = await desk.call('cases.register', {
      ...sampleComplaint,
      channel: 'transferred',
      transfer: { source: '12345 市民热线', reference: '京12345-2026-0042' },
      coComplainants: [{ name: '欧阳明月' }],
    });
    expect((await desk.call('cases.get', { id })).intake.transfer).toEqual({ source: '12345 市民热线', reference: '京12345-2026-0042' });
    const found = await desk.call('cases.list', { q: '欧阳明月' });
    expect(found.items.map((c) => c.id)).toContain(id);
  });

  it('takes anonymous complaints, suggestions and praise without a name, but never an anonymous repair request', async () => {
    for (const type of ['complaint', 'suggestion', 'praise'] as const) {
      const { id } = await desk.call('cases.register', { ...sampleComplaint, type, anonymous: true, complainant: {} });
      expect(await desk.call('cases.get', { id })).toMatchObject({ anonymous: true, complainant: { name: '' } });
    }
    const before = rowCounts(desk.dataDir);
    const refused = await desk.raw(
      'cases.register',
      { ...sampleComplaint, type: 'repairRequest', anonymous: true, complainant: {} },
      { locale: 'zh-CN' },
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { anonymous: '求助和报修需要留下联系方式，不能匿名' } },
    });
    expect(rowCounts(desk.dataDir)).toEqual(before);
  });

  it('suggests category and severity from the content and the profile', async () => {
    const s = await desk.call('registration.suggest', { subject: '收费窗口多收费', content: '明细里多收了两次检查费，要求退费' });
    expect(s.categoryId).toBe(categories.find((c) => c.code === 'billing')?.id);
    expect(s.severity).toBe('general');
    const major = await desk.call('registration.suggest', { subject: '误诊', content: '要求赔偿5万元，否则找律师起诉' });
    expect(major).toMatchObject({ severity: 'major', largeClaim: true });
  });
});

const longText = '长'.repeat(textLimits.content + 1);
/** Each bad registration and the fields its answer must name (in zh-CN), with nothing written or numbered. */
const bad: [string, unknown, Record<string, string | RegExp>][] = [
  ['a missing name', { ...sampleComplaint, complainant: { phone: '13800138000' } }, { 'complainant.name': '必填' }],
  ['a blank name', { ...sampleComplaint, complainant: { name: '   ' } }, { 'complainant.name': '必填' }],
  ['missing content', { ...sampleComplaint, content: '' }, { content: '必填' }],
  ['over-long content', { ...sampleComplaint, content: longText }, { content: '不能超过 10000 个字符' }],
  ['an over-long subject', { ...sampleComplaint, subject: '长'.repeat(201) }, { subject: '不能超过 200 个字符' }],
  ['a receipt in the future', { ...sampleComplaint, receivedAt: '2026-11-21T10:00:00+08:00' }, { receivedAt: '受理时间不能晚于现在' }],
  ['an incident in the future', { ...sampleComplaint, occurredAt: '2026-12-01T10:00:00+08:00' }, { occurredAt: '不能晚于今天' }],
  ['a letter dated tomorrow', { ...sampleComplaint, channel: 'letter', letter: { date: '2026-11-21' } }, { 'letter.date': '不能晚于今天' }],
  [
    'a malformed mobile',
    { ...sampleComplaint, complainant: { name: '张三', phone: '1380013800' } },
    { 'complainant.phone': /有效的电话号码/ },
  ],
  [
    'a malformed landline',
    { ...sampleComplaint, complainant: { name: '张三', phone: '010-123' } },
    { 'complainant.phone': /有效的电话号码/ },
  ],
  [
    'a witness with a bad phone',
    { ...sampleComplaint, witnesses: [{ name: '李四', phone: 'abc' }] },
    { 'witnesses.0.phone': /有效的电话号码/ },
  ],
  ['a transfer without its source', { ...sampleComplaint, channel: 'transferred' }, { 'transfer.source': '必填' }],
  [
    'a transfer source on a walk-in',
    { ...sampleComplaint, transfer: { source: '卫健委' } },
    { 'transfer.source': '只有转办件需要填写转办来源' },
  ],
  [
    'a head count below the complainants named',
    { ...sampleComplaint, coComplainants: [{ name: '甲' }, { name: '乙' }], headCount: 2 },
    { headCount: '人数不能少于已登记的投诉人数' },
  ],
  ['an unknown category', { ...sampleComplaint, categoryId: 'nope' }, { categoryId: '请从列表中选择' }],
  [
    'an unknown respondent department',
    { ...sampleComplaint, respondent: { departmentId: 'nope' } },
    { 'respondent.departmentId': '没有这个部门' },
  ],
  [
    'a malformed ID number',
    { ...sampleComplaint, complainant: { name: '张三', idNumber: '身份证' } },
    { 'complainant.idNumber': '请输入有效的证件号码' },
  ],
  [
    'an attachment never uploaded',
    { ...sampleComplaint, attachments: [{ sha256: 'a'.repeat(64), name: 'x.jpg', mime: 'image/jpeg', size: 10 }] },
    { 'attachments.0': '附件未上传成功，请重新添加' },
  ],
  [
    'an attachment of a disallowed type',
    { ...sampleComplaint, attachments: [{ sha256: 'b'.repeat(64), name: 'x.exe', mime: 'application/x-msdownload', size: 10 }] },
    { 'attachments.0': /不支持此类文件/ },
  ],
];

describe('bad registrations', () => {
  it.each(bad)('refuses %s next to the field, writing and numbering nothing', async (_label, input, fields) => {
    const before = rowCounts(desk.dataDir);
    const answer = await desk.raw('cases.register', input, { locale: 'zh-CN' });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid_input');
    for (const [field, message] of Object.entries(fields)) expect(answer.error.fields?.[field], field).toMatch(message);
    expect(rowCounts(desk.dataDir)).toEqual(before);
  });

  it('shows every problem at once, not one per attempt', async () => {
    const answer = await desk.raw('cases.register', {
      type: 'complaint',
      channel: 'walkIn',
      complainant: { phone: 'x' },
      subject: '',
      content: '',
    });
    expect(answer.ok ? [] : Object.keys(answer.error.fields ?? {}).sort()).toEqual([
      'complainant.name',
      'complainant.phone',
      'content',
      'subject',
    ]);
  });
});

describe('repeat-complaint lookup', () => {
  it('finds earlier cases by phone however it was typed, by phone prefix while typing, and by name', async () => {
    const a = await desk.call('cases.register', { ...sampleComplaint, complainant: { name: '周晓燕', phone: '159-8888-1234' } });
    const b = await desk.call('cases.register', { ...sampleComplaint, complainant: { name: '周晓燕', phone: '+86 159 8888 1234' } });
    const other = await desk.call('cases.register', { ...sampleComplaint, complainant: { name: '周大福', phone: '15977776666' } });
    const byPhone = await desk.call('registration.lookup', { phone: '15988881234' });
    expect(byPhone.items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(byPhone.items[0]).toMatchObject({ matchedBy: 'phone', status: 'registered', complainantName: '周晓燕' });
    expect((await desk.call('registration.lookup', { phone: '159 888' })).items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect((await desk.call('registration.lookup', { name: '周晓' })).items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect((await desk.call('registration.lookup', { name: '周' })).items).toEqual([]); // one character is only a surname
    expect((await desk.call('registration.lookup', { name: '周大' })).items.map((i) => i.id)).toEqual([other.id]);
  });
});

describe('the hospital intake prompts', () => {
  it('are suggested from the text or the chosen category, and recorded as given with the case', async () => {
    const infusion = await desk.call('registration.suggest', { subject: '输液后过敏', content: '昨天在急诊输液后全身起疹子' });
    expect(infusion.prompts).toEqual(['medicalRecord', 'sealItems']);
    const byCategory = await desk.call('registration.suggest', {
      subject: '对结果有异议',
      content: '复查结果与之前说法不一致',
      categoryId: categories.find((c) => c.code === 'medicalQuality')?.id,
    });
    expect(byCategory.prompts).toEqual(['medicalRecord']);
    expect((await desk.call('registration.suggest', { subject: '排队太久', content: '挂号排队一个小时' })).prompts).toEqual([]);

    const c = await desk.call('cases.register', { ...sampleComplaint, promptsGiven: ['medicalRecord', 'sealItems'] });
    expect((await desk.call('cases.get', { id: c.id })).intake.promptsGiven).toEqual(['medicalRecord', 'sealItems']);
    const bad = await desk.raw('cases.register', { ...sampleComplaint, promptsGiven: ['hugPatient'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'promptsGiven.0': expect.any(String) } } });
  });
});
