import { isValidPeriod, type PeriodRef } from '../../domain/reports/periods.ts';
import { invalidField } from '../deskError.ts';
import { utcIso } from './reportData.ts';

/** A range of receipt times as UTC instants; one that ends before it starts is refused at `to`. */
export function checkedRange(input: { from: string; to: string }) {
  const range = { from: utcIso(input.from), to: utcIso(input.to) };
  if (range.to <= range.from) throw invalidField('to', 'reports:errors.rangeOrder');
  return range;
}

/** An analysis period whose index exists (a fifth quarter is refused at `period.index`). */
export function checkedPeriod<P extends PeriodRef>(p: P): P {
  if (!isValidPeriod(p)) throw invalidField('period.index', 'reports:errors.periodIndex');
  return p;
}
