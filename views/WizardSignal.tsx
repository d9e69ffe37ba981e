import React from 'react';
import { Text } from 'ink';
import { useCockpit } from './context';
import { useOffers } from './runbook-signals';

/** The footer's offer when a live pane shows a runbook's signal: `<W> wizard: id — what was seen`. */
export function WizardSignal() {
  const { theme } = useCockpit();
  const [offer, ...more] = useOffers();
  if (!offer) return null;
  return (
    <Text>
      <Text color={theme.color ? 'red' : undefined} bold>{`<W> ${theme.unicode ? '⚠' : '!'} ${offer.runbook}`}</Text>
      {`: ${offer.evidence}${more.length ? ` (+${more.length}, w lists)` : ''}  `}
    </Text>
  );
}
