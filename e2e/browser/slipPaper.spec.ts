import { expect, test } from '@playwright/test';
import { api, startOwnHost } from '../ownHost.ts';
import { staffHospital, tokenOf } from '../staff.ts';

/** The core's slip HTML as a receipt printer gets it, in a language. */
async function slipHtml(url: string, token: string, caseId: string, slipWidth: '58' | '80', locale: string): Promise<string> {
  const response = await fetch(`${url}api/print.render`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': locale },
    body: JSON.stringify({ template: 'slip', caseId, slipWidth, purpose: 'preview' }),
  });
  const body = (await response.json()) as { ok: boolean; data: { html: string } };
  expect(body.ok).toBe(true);
  return body.data.html;
}

test('a slip keeps each date whole and everything inside the paper, on 58 mm and 80 mm, in every language', async ({ page }) => {
  const host = await startOwnHost();
  try {
    await staffHospital(host.url);
    const token = await tokenOf(host.url, 'rec');
    const { id } = await api<{ id: string }>(
      host.url,
      'cases.register',
      {
        type: 'complaint',
        channel: 'walkIn',
        complainant: { name: '张三', phone: '13800138000' },
        subject: '挂号窗口排队过久',
        content: '上午在门诊挂号窗口排队一个多小时。',
      },
      token,
    );
    for (const width of ['58', '80'] as const) {
      for (const locale of ['zh-CN', 'zh-TW', 'en']) {
        await page.setContent(await slipHtml(host.url, token, id, width, locale));
        const lines = await page.locator('[data-field="feedbackBy"]').evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          // One line box: every fragment of the text shares the first one's top.
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          return tops.size;
        });
        expect(lines, `${width} mm ${locale}: the promised date on one line`).toBe(1);
        const overflow = await page.evaluate(() => {
          const paper = document.body.getBoundingClientRect().right;
          return Math.max(...[...document.body.querySelectorAll('*')].map((el) => el.getBoundingClientRect().right)) - paper;
        });
        expect(overflow, `${width} mm ${locale}: nothing past the paper's edge`).toBeLessThanOrEqual(1);
      }
    }
  } finally {
    host.stop();
  }
});
