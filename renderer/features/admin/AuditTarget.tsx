import { Text } from '@mantine/core';
import { Fragment } from 'react';

const looksLikePath = (text: string) => /[\\/]/.test(text) && !/\s/.test(text);

/**
 * A path (a backup folder, an export file) broken only after its separators, so a long one
 * wraps at folder boundaries instead of letter by letter; copied, it is still the path.
 */
export function PathText(props: { text: string }) {
  if (!looksLikePath(props.text)) return props.text;
  const parts = props.text.split(/(?<=[\\/])/);
  return parts.map((part, i) => (
    // The parts of one path never change order: the index is their identity.
    // biome-ignore lint/suspicious/noArrayIndexKey: see above
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && <wbr />}
    </Fragment>
  ));
}

/**
 * What an audit entry is about. A long path keeps its end in view (the generation or file
 * name), with the whole path on hover, instead of filling the row letter by letter.
 */
export function AuditTarget(props: { text: string; monospace: boolean }) {
  const font = props.monospace ? { ff: 'monospace' } : {};
  if (!looksLikePath(props.text)) {
    return (
      <Text size="sm" {...font} style={{ overflowWrap: 'anywhere' }}>
        {props.text}
      </Text>
    );
  }
  return (
    <Text size="sm" {...font} truncate="start" maw={220} title={props.text} data-testid="audit-path">
      {props.text}
    </Text>
  );
}
