import { describe, expect, it } from 'vitest';
import { claimedAmounts, suggestTriage } from '../cases/triage.ts';

const hospital = ['attitude', 'medicalQuality', 'billing', 'waiting', 'facilities', 'hygiene', 'other'];
const property = ['attitude', 'repairs', 'fees', 'security', 'hygiene', 'facilities', 'other'];

describe('triage suggestion', () => {
  it('suggests the category the content points to, and general severity for an ordinary complaint', () => {
    const s = suggestTriage('上午在挂号窗口排队一个多小时，叫号混乱', 'hospital', hospital);
    expect(s).toMatchObject({ categoryKey: 'waiting', severity: 'general', largeClaim: false });
    expect(s.signals).toContain('排队');
  });

  it('marks safety matters urgent and threats of media or lawyers major', () => {
    expect(suggestTriage('楼道里有燃气味，可能漏气，很危险', 'property', property).severity).toBe('urgent');
    expect(suggestTriage('电梯困人二十分钟没人来', 'property', property).severity).toBe('urgent');
    expect(suggestTriage('态度恶劣，我要找记者曝光', 'hospital', hospital)).toMatchObject({ severity: 'major', categoryKey: 'attitude' });
  });

  it('uses the profile: a leak is major for a property office, surgery for a hospital', () => {
    expect(suggestTriage('楼上漏水到我家', 'property', property)).toMatchObject({ severity: 'major', categoryKey: 'repairs' });
    expect(suggestTriage('楼上漏水到我家', 'serviceHall', ['attitude', 'other']).severity).toBe('general');
    expect(suggestTriage('手术后伤口感染', 'hospital', hospital).severity).toBe('major');
  });

  it('reads traditional Chinese and English too', () => {
    expect(suggestTriage('櫃台人員態度很差', 'hospital', hospital).categoryKey).toBe('attitude');
    expect(suggestTriage('The lift was dirty and the staff were rude', 'hospital', hospital).categoryKey).not.toBeNull();
  });

  it('flags claims above 20,000 yuan, written in any common way', () => {
    expect(claimedAmounts('要求赔偿3万元')).toEqual([30_000]);
    expect(claimedAmounts('索赔 25000 元，另外 ¥800')).toEqual([25_000, 800]);
    expect(suggestTriage('误诊导致病情加重，要求赔偿2.5万', 'hospital', hospital)).toMatchObject({ largeClaim: true, severity: 'major' });
    expect(suggestTriage('多收了200元挂号费', 'hospital', hospital)).toMatchObject({ largeClaim: false, categoryKey: 'billing' });
  });

  it('suggests no category when nothing points anywhere', () => {
    expect(suggestTriage('想反映一个情况', 'hospital', hospital).categoryKey).toBeNull();
  });
});
