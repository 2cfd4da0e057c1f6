import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { shot, signIn } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { printedCount, stubBrowserPrint } from '../printStub.ts';
import { staff, staffHospital, tokenOf } from '../staff.ts';

/**
 * One complaint through its whole life on one shared workstation: the receptionist registers
 * and accepts it, the handler investigates and proposes, the supervisor approves, the handler
 * answers, the receptionist follows up (not satisfied), the case is handled again, followed up
 * (satisfied) and closed. Each person signs in and out of the same browser.
 */

let host: Awaited<ReturnType<typeof startOwnHost>>;

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  host = await startOwnHost();
  await staffHospital(host.url);
});

test.afterAll(() => host?.stop());

async function openCase(page: Page, caseUrl: string) {
  await page.goto(caseUrl);
  await expect(page.getByTestId('case-status')).toBeVisible();
}

async function act(page: Page, button: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
}

async function confirm(page: Page, status: string) {
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByTestId('case-status')).toHaveText(status);
}

test('a complaint through its whole life with a receptionist, a handler and a supervisor', async ({ page }) => {
  // Four sign-ins and a dozen steps: close to a minute alone, more on a machine shared with other runs.
  test.setTimeout(150_000);
  await page.goto(host.url);
  await signIn(page, 'rec');

  // The receptionist registers the complaint.
  await page.getByRole('link', { name: '登记', exact: true }).click();
  await page.getByLabel('姓名').fill('陈建国');
  await page.getByLabel('联系电话').fill('13912345678');
  await page.getByLabel('事由').fill('候诊时间过长');
  await page.getByLabel('投诉内容').fill('今天上午在内科候诊两个多小时，叫号系统显示混乱，护士站无人解释。');
  await page.getByRole('button', { name: /保存登记/ }).click();
  const saved = page.getByText(/已登记，投诉编号 \d{4}-\d{4}/);
  await expect(saved).toBeVisible();
  const number = (await saved.textContent())?.match(/\d{4}-\d{4}/)?.[0] ?? '';
  await shot(page, 'life-01-registered');

  // The board shows it waiting for acceptance; the receptionist opens it and accepts it.
  await page.getByRole('link', { name: '看板', exact: true }).click();
  await expect(page.getByTestId('count-registered')).toHaveText('1');
  await shot(page, 'life-02-board');
  await page.getByRole('button', { name: new RegExp(number) }).click();
  await expect(page.getByTestId('case-status')).toHaveText('已登记，待受理');
  const caseUrl = page.url();
  await act(page, '受理');
  await page.getByRole('combobox', { name: '牵头部门' }).click();
  await page.getByRole('option', { name: '门诊部' }).click();
  await page.getByRole('combobox', { name: '处理人' }).click();
  await page.getByRole('option', { name: staff.han.displayName }).click();
  await shot(page, 'life-03-accept-form');
  await confirm(page, '已受理，已转责任部门');
  await expect(page.getByTestId('case-handler')).toHaveText(staff.han.displayName);
  // A receptionist may not investigate: the core did not offer the button.
  await expect(page.getByRole('button', { name: '开始调查', exact: true })).toHaveCount(0);
  await shot(page, 'life-04-accepted');

  // The handler finds it in their inbox, starts the investigation and proposes a resolution.
  await signIn(page, 'han');
  await expect(page.getByTestId('inbox-count')).toHaveText('1');
  await page.getByRole('link', { name: /我的待办/ }).click();
  await expect(page.getByTestId('inbox-assigned').getByText(number)).toBeVisible();
  await shot(page, 'life-05-handler-inbox');
  await page.getByTestId('inbox-assigned').getByText(number).click();
  await act(page, '开始调查');
  await confirm(page, '调查核实中');
  await act(page, '联系记录');
  await page.getByLabel('联系对象').fill('陈建国本人');
  await page.getByLabel('沟通内容').fill('电话了解候诊经过，投诉人希望改进叫号。');
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByText('陈建国本人')).toBeVisible();
  await act(page, '提出处理意见');
  await page.getByLabel('处理意见').fill('向投诉人致歉，检修叫号系统，高峰时段增派导诊。');
  await page.getByLabel('补偿金额（元，可不填）').fill('50');
  await page.getByRole('combobox', { name: '补偿方式' }).click();
  await page.getByRole('option', { name: '代金券' }).click();
  await shot(page, 'life-06-propose-form');
  await confirm(page, '处理意见待审批');
  // The handler cannot approve their own proposal: no button, and the core refuses it too.
  await expect(page.getByRole('button', { name: '批准', exact: true })).toHaveCount(0);
  await shot(page, 'life-07-proposed');

  // The supervisor approves it from their inbox.
  await signIn(page, 'sup');
  await page.getByRole('link', { name: /我的待办/ }).click();
  await expect(page.getByTestId('inbox-approvals').getByText(number)).toBeVisible();
  await page.getByTestId('inbox-approvals').getByText(number).click();
  await act(page, '批准');
  await page.getByLabel('意见').fill('同意');
  await confirm(page, '处理意见已批准，待答复');
  await shot(page, 'life-08-approved');

  // The handler answers the complainant.
  await signIn(page, 'han');
  await openCase(page, caseUrl);
  await act(page, '答复投诉人');
  // An empty reply is refused by the core, its message next to the field; nothing is recorded.
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByText('必填')).toBeVisible();
  await expect(page.getByTestId('case-status')).toHaveText('处理意见已批准，待答复');
  await shot(page, 'life-09a-empty-reply-refused');
  // A written reply: once it is recorded, the reply letter opens in the print preview.
  await page.getByRole('combobox', { name: '答复方式' }).click();
  await page.getByRole('option', { name: '信函' }).click();
  await page.getByLabel('答复内容').fill('已检修叫号系统并增派导诊，向您致歉，赠代金券 50 元。');
  await confirm(page, '已答复，待回访');
  const preview = page.getByRole('dialog', { name: `投诉答复书 ${number}` });
  await expect(preview).toBeVisible();
  const letter = page.frameLocator('[data-testid="print-frame"]');
  await expect(letter.getByRole('heading', { name: '投诉答复书' })).toBeVisible();
  await expect(letter.getByText('已检修叫号系统并增派导诊，向您致歉，赠代金券 50 元。')).toBeVisible();
  await expect(letter.getByText('50 元（代金券）')).toBeVisible();
  await expect(letter.getByText(/本投诉办结之日起 30 日内申请复核/)).toBeVisible();
  await page.screenshot({ path: 'e2e/.artifacts/screens/life-09-reply-letter-preview.png' });
  await stubBrowserPrint(page);
  await preview.getByRole('button', { name: '打印', exact: true }).click();
  await expect(page.getByText('已发送到打印机（第 1 份）')).toBeVisible();
  await expect(preview).toBeHidden();
  expect(await printedCount(page)).toBe(1);
  // The case page offers it again; a second copy is a reprint, and the preview says so.
  await page.getByTestId('case-prints').getByRole('button', { name: '打印答复书' }).click();
  await expect(preview.getByText(/已打印 1 份/)).toBeInViewport();
  await expect(preview.getByRole('button', { name: '打印', exact: true })).toBeInViewport();
  await expect(letter.getByText('（预览）')).toBeVisible();
  await page.screenshot({ path: 'e2e/.artifacts/screens/life-09b-reply-letter-reprint.png' });
  await preview.getByRole('button', { name: '关闭' }).click();
  await expect(preview).toBeHidden();
  await shot(page, 'life-09-responded');

  // The receptionist makes the follow-up call: not satisfied (2), in a few keystrokes.
  await signIn(page, 'rec');
  await page.getByRole('link', { name: '回访', exact: true }).click();
  await expect(page.getByTestId('follow-up-form')).toContainText(number);
  await page.keyboard.press('2');
  await shot(page, 'life-10-follow-up-dissatisfied');
  await page.keyboard.press('Enter');
  await expect(page.getByText(`已记录 ${number} 的回访。`)).toBeVisible();
  await openCase(page, caseUrl);
  await expect(page.getByTestId('case-status')).toHaveText('调查核实中');
  await shot(page, 'life-11-back-to-investigation');

  // Handled again: a new proposal, approved, answered.
  await signIn(page, 'han');
  await openCase(page, caseUrl);
  await act(page, '提出处理意见');
  await page.getByLabel('处理意见').fill('更换叫号系统，每日巡查候诊区。');
  await confirm(page, '处理意见待审批');
  await signIn(page, 'sup');
  await openCase(page, caseUrl);
  await act(page, '批准');
  await confirm(page, '处理意见已批准，待答复');
  await signIn(page, 'han');
  await openCase(page, caseUrl);
  await act(page, '答复投诉人');
  await page.getByLabel('答复内容').fill('已更换叫号系统，每日巡查候诊区。');
  await confirm(page, '已答复，待回访');

  // The second follow-up is satisfied (5); the receptionist closes the case.
  await signIn(page, 'rec');
  await page.getByRole('link', { name: '回访', exact: true }).click();
  await expect(page.getByTestId('follow-up-form')).toContainText(number);
  await page.getByTestId('follow-up-form').getByText('5 很满意').click();
  await page.getByRole('button', { name: '保存回访' }).click();
  await expect(page.getByText(`已记录 ${number} 的回访。`)).toBeVisible();
  await openCase(page, caseUrl);
  await act(page, '办结');
  await confirm(page, '已办结');
  const timeline = page.getByTestId('case-timeline');
  await expect(timeline.getByText('回访', { exact: true })).toHaveCount(2);
  await expect(timeline.getByText('提出处理意见', { exact: true })).toHaveCount(2);
  await shot(page, 'life-12-closed');

  // The list view shows it among everything, closed included.
  await page.getByRole('link', { name: '看板', exact: true }).click();
  await page.getByText('全部列表').click();
  await expect(page.getByTestId('list-row').filter({ hasText: number })).toContainText('已办结');
  await shot(page, 'life-13-list');
});

test('the board with several cases, and a phone inquiry by number and query code', async ({ page }) => {
  const token = await tokenOf(host.url, 'rec');
  const { items } = await api<{ items: { id: string; name: string }[] }>(host.url, 'departments.list', {}, token);
  const registered: { id: string; number: string; queryCode: string }[] = [];
  const subjects = ['电梯故障困人', '收费处多收费用', '保洁不及时', '停车场收费争议', '夜间噪音扰民', '护士态度冷淡'];
  const { items: categories } = await api<{ items: { id: string; code: string | null }[] }>(host.url, 'categories.list', {}, token);
  const categoryOf = (code: string) => categories.find((c) => c.code === code)?.id;
  const filedUnder = [
    categoryOf('facilities'),
    categoryOf('billing'),
    categoryOf('hygiene'),
    categoryOf('billing'),
    undefined,
    categoryOf('attitude'),
  ];
  for (const [i, subject] of subjects.entries()) {
    const c = await api<{ id: string; number: string; queryCode: string }>(
      host.url,
      'cases.register',
      {
        type: 'complaint',
        channel: i % 2 ? 'phone' : 'walkIn',
        complainant: { name: ['刘芳', '孙伟', '周敏', '吴强', '郑丽', '王磊'][i] ?? '匿名', phone: `1390000000${i}` },
        subject,
        content: `${subject}，请尽快处理。`,
        severity: i === 0 ? 'urgent' : i === 3 ? 'major' : 'general',
        ...(filedUnder[i] ? { categoryId: filedUnder[i] } : {}),
      },
      token,
    );
    registered.push(c);
    if (i >= 2) {
      await api(host.url, 'cases.act', { id: c.id, action: { type: 'accept', departmentId: items[i % items.length]?.id } }, token);
    }
  }
  await page.goto(host.url);
  await signIn(page, 'rec');
  await page.getByRole('link', { name: '看板', exact: true }).click();
  await expect(page.getByTestId('count-accepted')).toHaveText('4');
  await shot(page, 'board-01-columns');
  await page.getByRole('searchbox', { name: '搜索' }).fill('收费');
  await expect(page.getByTestId('board-card')).toHaveCount(2);
  await shot(page, 'board-02-search');
  await page.getByRole('searchbox', { name: '搜索' }).fill('');
  // The category filter lists the desk's categories by name; two cases are filed under billing.
  await page.getByRole('combobox', { name: '投诉类别' }).click();
  await page.getByRole('option', { name: '收费问题' }).click();
  await expect(page.getByTestId('board-card')).toHaveCount(2);
  await expect(page.getByTestId('board-card').filter({ hasText: '停车场收费争议' })).toBeVisible();
  await shot(page, 'board-02b-category');
  await page.getByRole('combobox', { name: '投诉类别' }).click();
  await page.getByRole('option', { name: '设施设备' }).click();
  await expect(page.getByTestId('board-card')).toHaveCount(1);
  await page.locator('[aria-label="清除投诉类别"]').click();
  await expect(page.getByTestId('board-card')).toHaveCount(6);
  await page.getByText('全部列表').click();
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.getByRole('option', { name: '已受理，已转责任部门' }).click();
  await expect(page.getByTestId('list-row')).toHaveCount(4);
  await shot(page, 'board-03-list-by-status');

  const first = registered[0];
  if (!first) throw new Error('no case registered');
  await page.getByRole('link', { name: '电话查询', exact: true }).click();
  await page.getByLabel('投诉编号').fill(first.number);
  await page.getByLabel('查询码').fill('AAAAAA');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('投诉编号或查询码不正确')).toBeVisible();
  await page.getByLabel('查询码').fill(first.queryCode.toLowerCase());
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByTestId('inquiry-answer')).toContainText('已登记，待受理');
  await shot(page, 'inquiry-01-answer');
});

test('a supervisor sets the review window; a bad value is refused at the field and nothing is saved', async ({ page }) => {
  await page.goto(host.url);
  // A handler has no settings to change here: the page is not in their navigation.
  await signIn(page, 'han');
  await expect(page.getByRole('link', { name: '时限与日历' })).toHaveCount(0);
  await signIn(page, 'sup');
  await page.getByRole('link', { name: '时限与日历' }).click();
  await expect(page.getByRole('tab', { name: '复核期限' })).toHaveAttribute('aria-selected', 'true');
  const field = page.getByRole('textbox', { name: '复核申请期限' });
  await expect(field).toHaveValue('30 天');
  await field.fill('0');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('不能小于 1')).toBeVisible();
  await shot(page, 'settings-01-review-window-refused');
  await field.fill('400');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('不能大于 365')).toBeVisible();
  await page.reload();
  await expect(field).toHaveValue('30 天');
  await field.fill('15');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await shot(page, 'settings-02-review-window-saved');
  await page.reload();
  await expect(field).toHaveValue('15 天');
  // The deadline rules on the same page stay the administrator's.
  await page.getByRole('tab', { name: '工作时间与提醒' }).click();
  await expect(page.getByText('只有管理员可以修改这些设置。')).toBeVisible();
  await page.getByRole('tab', { name: '复核期限' }).click();
  await field.fill('30');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
});

test('a department handler never finds a confidential complainant: not by name in search, not on the case page or its prints', async ({
  page,
}) => {
  const token = await tokenOf(host.url, 'rec');
  const { items } = await api<{ items: { id: string; name: string }[] }>(host.url, 'departments.list', {}, token);
  const outpatient = items.find((d) => d.name === '门诊部');
  const c = await api<{ id: string; number: string }>(
    host.url,
    'cases.register',
    {
      type: 'complaint',
      channel: 'walkIn',
      complainant: { name: '欧阳娜娜', phone: '13911112222' },
      subject: '输液室穿刺失败',
      content: '输液时多次穿刺失败，护士没有请人协助。',
      confidential: true,
    },
    token,
  );
  await api(host.url, 'cases.act', { id: c.id, action: { type: 'accept', departmentId: outpatient?.id } }, token);
  await page.goto(host.url);
  await signIn(page, 'han');
  await page.getByRole('link', { name: '看板', exact: true }).click();
  const search = page.getByRole('searchbox', { name: '搜索' });
  await search.fill('穿刺');
  await expect(page.getByTestId('board-card').filter({ hasText: c.number })).toBeVisible();
  await expect(page.getByTestId('board-card').filter({ hasText: c.number })).not.toContainText('欧阳');
  await search.fill('欧阳');
  await expect(page.getByTestId('board-card').filter({ hasText: c.number })).toHaveCount(0);
  await search.fill('13911112222');
  await expect(page.getByTestId('board-card').filter({ hasText: c.number })).toHaveCount(0);
  await shot(page, 'confidential-01-handler-search-by-name');
  await search.fill('穿刺');
  await page.getByTestId('board-card').filter({ hasText: c.number }).click();
  await expect(page.getByTestId('complainant-hidden')).toBeVisible();
  await expect(page.getByTestId('case-prints')).toHaveText('这是保密投诉，投诉人信息只有受理台可见，其文书请由受理台打印。');
  await expect(page.getByRole('button', { name: '打印登记表' })).toHaveCount(0);
  await shot(page, 'confidential-02-handler-case-page');
});
