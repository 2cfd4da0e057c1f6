import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/connection.ts';
import { compareProjections } from '../cases/projectionCheck.ts';
import { openStaffedDesk, type StaffedDesk } from './handlingDesk.ts';

let desk: StaffedDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

describe('the projection', () => {
  it('is rebuilt from the events alone, equal to the stored one for every case and every action', async () => {
    const d = await openStaffedDesk();
    desk = d;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await d.register('rec', { severity: i === 5 ? 'major' : 'general' })).id);
    const [declined, routed, answered, closed, merged, major] = ids as [string, string, string, string, string, string];
    await d.act('rec', declined, { type: 'decline', reason: '不属于受理范围' });
    for (const id of [routed, answered, closed, merged, major]) {
      await d.act('rec', id, { type: 'accept', departmentId: d.outpatient.id, handlerId: d.ids.han });
    }
    await d.act('sup', routed, { type: 'assign', departmentId: d.nursing.id, coDepartmentIds: [d.outpatient.id], reason: '改派护理部' });
    for (const id of [answered, closed, major]) {
      await d.act('han', id, { type: 'startInvestigation' });
      await d.act('han', id, { type: 'contact', method: 'phone', person: '本人', summary: '了解经过' });
    }
    await d.act('han', answered, { type: 'propose', text: '致歉', finding: 'toImprove' });
    await d.act('sup', answered, { type: 'approve' });
    await d.act('han', answered, { type: 'respond', channel: 'phone', content: '已致歉' });
    await d.act('rec', answered, { type: 'followUp', method: 'phone', satisfaction: 3, explanationAccepted: true });
    await d.act('han', closed, { type: 'propose', text: '整改', finding: 'valid' });
    await d.act('sup', closed, { type: 'approve' });
    await d.act('han', closed, { type: 'respond', channel: 'visit', content: '已整改' });
    await d.act('rec', closed, { type: 'followUp', method: 'phone', satisfaction: 5 });
    await d.act('rec', closed, { type: 'close' });
    await d.act('rec', closed, { type: 'correct', field: 'subject', value: '挂号窗口排队过久（更正）', reason: '笔误' });
    await d.act('sup', closed, { type: 'archive' });
    await d.act('rec', merged, { type: 'merge', intoNumber: (await d.by('rec', 'cases.get', { id: answered })).number, reason: '重复' });
    await d.act('han', major, { type: 'escalate', reason: '重大' });
    await d.act('rec', major, { type: 'link', number: (await d.by('rec', 'cases.get', { id: routed })).number });

    const store = openStore(d.dataDir);
    try {
      const result = await compareProjections(store.db);
      expect(result.cases).toBe(6);
      expect(result.mismatches).toEqual([]);
      // The comparison can fail: a projection changed behind the log's back is named.
      store.sqlite.prepare("UPDATE cases SET status = 'closed', follow_up_count = 7 WHERE id = ?").run(routed);
      const tampered = await compareProjections(store.db);
      expect(tampered.mismatches.map((m) => [m.caseId, m.column])).toEqual([
        [routed, 'status'],
        [routed, 'follow_up_count'],
      ]);
    } finally {
      await store.close();
    }
  });
});
