import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NamedCase } from '../../../domain/cases/namedCases.ts';

/**
 * A case this one names that the desk does not hold (its history came from another site with a
 * transfer): plain words, since a link would open nothing here.
 */
export function CaseElsewhere(props: { named: NamedCase; text?: (label: string) => string }) {
  const { t } = useTranslation('handling');
  const { number, site } = props.named;
  // "一院的投诉件 A-0002": its number and the site whose desk recorded it.
  const label = site ? t('transfer.elsewhere', { number, site: site.name }) : t('transfer.elsewhereNoSite', { number });
  return (
    <Text data-testid="case-elsewhere">
      {props.text ? props.text(label) : label}
      <Text span c="dimmed" size="sm">
        {t('common:punctuation.aside', { text: t('transfer.notHeld') })}
      </Text>
    </Text>
  );
}
