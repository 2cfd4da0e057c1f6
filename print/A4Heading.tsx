import { DeskMark } from './DeskMark.tsx';
import { CopyMark } from './PrintPage.tsx';
import type { Translate } from './printData.ts';

/** One line of the heading under the title: a label and its value, monospaced for codes. */
export interface HeadingItem {
  label: string;
  value: string;
  mono?: boolean;
}

/** The top of every A4 case document: organisation, title, reprint mark and the case's identifiers. */
export function A4Heading(props: { org: string; title: string; copy: number; items: readonly HeadingItem[]; t: Translate }) {
  const { t } = props;
  return (
    <>
      <div className="head">
        <p className="org">
          <DeskMark size="6mm" ink />
          {props.org}
        </p>
        <h1>{props.title}</h1>
        <CopyMark copy={props.copy} t={t} />
      </div>
      <div className="meta">
        {props.items.map((item) => (
          <span key={item.label}>
            {item.label}
            {t('colon')}
            {item.mono ? <span className="mono">{item.value}</span> : item.value}
          </span>
        ))}
      </div>
    </>
  );
}
