import { v7 as uuidv7 } from 'uuid';
import type { WireEvent } from '../../domain/sync/protocol.ts';
import { noted, registeredData, wireEvent } from '../../server/test/serverHarness.ts';
import type { Rng } from '../data/rng.ts';

const sentences = [
  '患者家属反映门诊挂号排队时间过长，现场秩序混乱，希望医院增加窗口。',
  '已电话联系投诉人，说明情况并致歉，投诉人表示理解。',
  '护理部已调取监控，核实当班护士的服务态度问题，将进行培训。',
  '收费处多收检查费一百二十元，已核对账单并办理退费。',
  '回访满意，投诉人对处理结果表示认可。',
];

let numbered = 0;

/**
 * A case as it travels: its registration (a number of its own, as a site's desks give them: a
 * desk that met one number many times would show them apart by the ends of their ids, which a
 * site of many thousands of cases makes collide) and `notes` notes, each naming the one before,
 * with text of varied length.
 */
export function wireCase(rng: Rng, notes: number): WireEvent[] {
  const caseId = uuidv7();
  numbered++;
  const registered = {
    ...registeredData,
    payload: {
      ...registeredData.payload,
      number: `B${2601 + Math.floor(numbered / 100_000)}-${String(numbered % 100_000).padStart(5, '0')}`,
    },
  } as typeof registeredData;
  const events = [wireEvent(caseId, [], registered)];
  for (let i = 0; i < notes; i++) {
    const text = Array.from({ length: 1 + rng.int(4) }, () => rng.pick(sentences)).join('');
    events.push(wireEvent(caseId, [(events.at(-1) as WireEvent).hash], noted(text)));
  }
  return events;
}
