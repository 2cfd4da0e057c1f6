import { afterEach, describe, expect, it } from 'vitest';
import { rowCounts } from './storeSnapshot.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close().catch(() => undefined);
});

async function deskWithCase() {
  const desk = await openTestDesk({ keyring: null });
  open.push(desk);
  await desk.setupAndLogin();
  const c = await desk.call('cases.register', sampleComplaint);
  const paper = async (template: 'slip' | 'registrationForm', locale: string) =>
    (await desk.call('print.render', { template, caseId: c.id }, { locale })).html;
  return { desk, paper };
}

describe('the privacy notice at intake', () => {
  it('is on the slip and the registration form in the paper’s language, the built-in words until the desk sets its own', async () => {
    const { desk, paper } = await deskWithCase();
    expect(await paper('slip', 'zh-CN')).toContain('个人信息告知：您提供的姓名、联系方式等个人信息仅用于受理、调查和答复本次投诉');
    expect(await paper('registrationForm', 'zh-TW')).toContain('個人資料告知：您提供的姓名');
    expect(await paper('slip', 'en')).toContain('Personal data: We use your name and contact details only to handle');

    const set = await desk.call('settings.update', {
      privacy: { intakeNotice: { 'zh-CN': '', 'zh-TW': '', en: 'Ask Ms Li (ext. 8021) to see or correct your details; kept 3 years.' } },
    });
    expect(set.privacy.intakeNotice.en).toContain('Ms Li');
    expect(await paper('slip', 'en')).toContain('Personal data: Ask Ms Li (ext. 8021)');
    expect(await paper('slip', 'zh-CN')).toContain('个人信息告知：您提供的姓名');
    expect((await desk.call('audit.list', { action: 'settings.update' })).items[0]?.detail).toMatchObject({
      'privacy.intakeNotice': { after: expect.objectContaining({ en: expect.stringContaining('Ms Li') }) },
    });
  });

  it('refuses a notice too long for a slip at its field, and a receptionist’s change, writing nothing', async () => {
    const { desk } = await deskWithCase();
    const before = rowCounts(desk.dataDir);
    const long = await desk.raw(
      'settings.update',
      { privacy: { intakeNotice: { 'zh-CN': '长'.repeat(401), 'zh-TW': '', en: '' } } },
      { locale: 'en' },
    );
    expect(long).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { 'privacy.intakeNotice.zh-CN': 'At most 400 characters' } },
    });
    await desk.person('nurse', ['receptionist'], [], '护士');
    await desk.login('nurse');
    expect((await desk.call('settings.get', {})).privacy.intakeNotice).toEqual({ 'zh-CN': '', 'zh-TW': '', en: '' });
    const refused = await desk.raw('settings.update', { privacy: { intakeNotice: { 'zh-CN': '别的', 'zh-TW': '', en: '' } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Nothing written but the nurse's account and the audit of the refusals.
    const after = rowCounts(desk.dataDir);
    expect({ ...after, audit_log: 0, users: 0 }).toEqual({ ...before, audit_log: 0, users: 0 });
    expect((await desk.call('settings.get', {})).privacy.intakeNotice['zh-CN']).toBe('');
  });
});
