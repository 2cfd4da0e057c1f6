import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { deskYearOf } from '../../domain/seals/yearManifest.ts';
import { shot, signIn } from '../flows.ts';
import { api, startOwnHost } from '../ownHost.ts';
import { printedCount, stubBrowserPrint } from '../printStub.ts';
import { staffHospital, tokenOf } from '../staff.ts';

/**
 * Year-end sealing as a supervisor meets it: last year's cases on the 年度封存 page, sealing
 * refused while one is open, then sealed with that one carried over; the sealed case read-only
 * with the reason said, the carried-over one still workable; the year verified and its register
 * (归档目录) previewed and printed on A4; the page again in English.
 */
const lastYear = deskYearOf(new Date().toISOString()) - 1;
const receivedAt = `${lastYear}-06-15T02:00:00.000Z`;

let host: Awaited<ReturnType<typeof startOwnHost>>;
const cases = { finished: { id: '', number: '' }, open: { id: '', number: '' } };

test.beforeAll(async () => {
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  host = await startOwnHost();
  const { outpatientId } = await staffHospital(host.url);
  const rec = { token: await tokenOf(host.url, 'rec') };
  const register = (name: string, subject: string) =>
    api<{ id: string; number: string }>(
      host.url,
      'cases.register',
      {
        type: 'complaint',
        channel: 'walkIn',
        complainant: { name, phone: '13912345678' },
        subject,
        content: `${subject}，请处理。`,
        receivedAt,
      },
      rec.token,
    );
  cases.finished = await register('陈建国', '收费窗口多收挂号费');
  await api(
    host.url,
    'cases.act',
    { id: cases.finished.id, action: { type: 'resolveOnSpot', resolution: '当场退还多收的 20 元并道歉', satisfaction: 5 } },
    rec.token,
  );
  cases.open = await register('刘芳', '候诊时间过长');
  await api(host.url, 'cases.act', { id: cases.open.id, action: { type: 'accept', departmentId: outpatientId } }, rec.token);
  await api(host.url, 'auth.logout', {}, rec.token);
});

test.afterAll(() => host?.stop());

test('a supervisor seals last year, the sealed case is read-only, the register prints', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'sup', { url: host.url });
  await page.getByRole('link', { name: '年度封存' }).click();
  const row = page.getByTestId(`seal-year-${lastYear}`);
  await expect(row).toContainText('未封存');
  await expect(row.getByRole('cell').nth(1)).toHaveText('2');
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');
  await shot(page, 'seal-01-years');

  // Refused while a case is open and not carried over: said next to the list, nothing sealed.
  await row.getByRole('button', { name: '查看并封存…' }).click();
  const panel = page.getByTestId('seal-panel');
  await expect(panel.getByText(`${lastYear} 年度尚未办结的投诉件（1 件）`)).toBeVisible();
  await panel.getByLabel('我明白：封存后这 1 件投诉件不能再修改').check();
  await panel.getByRole('button', { name: `封存 ${lastYear} 年度` }).click();
  await expect(page.getByTestId('seal-field-error')).toContainText(`还有 1 件未办结（${cases.open.number}）`);
  await expect(row).toContainText('未封存');
  await shot(page, 'seal-02-refused-open-case');

  await panel.getByLabel(new RegExp(`^${cases.open.number}.*结转到下一年度$`)).check();
  await panel.getByRole('button', { name: `封存 ${lastYear} 年度` }).click();
  await expect(page.getByTestId('seal-notice')).toHaveText(`已封存 ${lastYear} 年度的 1 件投诉件，结转 1 件。`);
  await expect(row).toContainText('封存 1 件');
  await expect(panel).toBeHidden();

  await row.getByRole('button', { name: '校验' }).click();
  await expect(page.getByTestId('seal-notice')).toHaveText(`${lastYear} 年度校验通过：1 件投诉件与签名的归档目录一致。`);
  await shot(page, 'seal-03-sealed-verified');

  // The register on A4: the sealed case's number, the carried-over one named apart; one copy printed.
  await stubBrowserPrint(page);
  await row.getByRole('button', { name: '打印归档目录（A4）' }).click();
  const register = page.frameLocator('[data-testid="print-frame"]');
  await expect(register.getByRole('heading', { name: `${lastYear} 年度归档目录` })).toBeVisible();
  await expect(register.getByRole('cell', { name: cases.finished.number })).toBeVisible();
  await expect(register.getByText(`结转到下一年度：${cases.open.number}`)).toBeVisible();
  await expect(register.getByText('陈建国')).toHaveCount(0);
  await shot(page, 'seal-04-register-preview');
  await page.getByTestId('print-preview').getByRole('button', { name: '打印', exact: true }).click();
  await expect.poll(() => printedCount(page)).toBe(1);
  await page.keyboard.press('Escape');

  // The sealed case: read-only for everyone, and the page says why.
  await page.goto(`${host.url}#/cases/${cases.finished.id}`);
  await expect(page.getByTestId('case-sealed')).toHaveText(`该投诉件已随 ${lastYear} 年度封存，只能查看，不能再办理或修改。`);
  await expect(page.getByRole('button', { name: '内部备注' })).toHaveCount(0);
  await shot(page, 'seal-05-sealed-case');
  const token = await tokenOf(host.url, 'sup');
  await expect(api(host.url, 'cases.act', { id: cases.finished.id, action: { type: 'note', text: '封存后补记' } }, token)).rejects.toThrow(
    /conflict/,
  );
  // The carried-over case stays workable.
  await api(host.url, 'cases.act', { id: cases.open.id, action: { type: 'note', text: '结转到本年度继续办理' } }, token);
  await page.goto(`${host.url}#/cases/${cases.open.id}`);
  await expect(page.getByTestId('case-status')).toBeVisible();
  await expect(page.getByTestId('case-sealed')).toHaveCount(0);

  // The same page in English.
  await page.goto(`${host.url}#/seals`);
  await page.getByRole('combobox', { name: '语言' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Year-end sealing (year register)' })).toBeVisible();
  await expect(page.getByTestId(`seal-year-${lastYear}`)).toContainText('Sealed on');
  await shot(page, 'seal-06-years-en');
});
