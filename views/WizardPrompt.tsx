import React from 'react';
import { Box, Text } from 'ink';
import type { Question } from '../src/runbooks/ui-operator';
import type { Theme } from './theme';
import type { WizardState } from './wizard-session';

/** What the wizard waits for, and the keys that answer it. */
export function wizardHints(state: WizardState, question: Question | undefined, readOnly: boolean): string {
  if (state.note !== undefined) return 'enter save the note · esc cancel';
  if (state.askAbort) return 'Abort the run? y abort · n/esc keep going';
  if (state.phase === 'ready') return readOnly ? 'read-only: nothing runs · j/k browse steps · esc close' : 'enter start the run · j/k browse steps · esc close';
  if (state.phase === 'done') return 'j/k browse steps · esc close';
  switch (question?.kind) {
    case 'step': return 'enter run this step · s skip · n note · a abort';
    case 'failed': return 'r retry · enter go on (its on-fail branch) · n note · a abort';
    case 'confirm': return 'y yes · n no';
    case 'type': return 'type the name, enter confirm · esc decline';
    case 'choose': return `${question.choices.map((c, i) => `${i + 1} ${c.label}`).join(' · ')} · a abort`;
    default: return 'running… · n note · a abort';
  }
}

export function WizardPrompt({ state, question, theme, width, shownCommand }: { state: WizardState; question: Question | undefined; theme: Theme; width: number; shownCommand: string }) {
  const color = (c: string) => (theme.color ? c : undefined);
  let body: React.ReactNode = null;
  if (state.note !== undefined) body = <Text wrap="truncate-start">{`note: ${state.note}_`}</Text>;
  else if (state.askAbort) body = <Text bold color={color('red')}>Abort this run? Steps already done stay done.</Text>;
  else if (question?.kind === 'confirm') body = <><Text bold wrap="wrap">{question.prompt}</Text>{question.detail && !shownCommand.includes(question.detail) ? <Text wrap="wrap">{question.detail}</Text> : null}</>;
  else if (question?.kind === 'type') {
    const [first, ...rest] = question.prompt.split('\n');
    body = <><Text bold color={color('red')} wrap="wrap">{first}</Text>{rest.filter((line) => !shownCommand.includes(line)).map((line, n) => <Text key={n} wrap="wrap">{line}</Text>)}<Text>{`> ${question.typed}_`}</Text></>;
  } else if (question?.kind === 'choose') body = <><Text bold wrap="wrap">{question.prompt}</Text>{question.choices.map((c, i) => <Text key={c.value} wrap="truncate-end">{`  ${i + 1}) ${c.label}${c.default ? ' (default)' : ''}`}</Text>)}</>;
  else if (question?.kind === 'failed') body = <Text color={color('red')} wrap="wrap">{`${theme.glyph.fail} failed: ${question.report.summary}`}</Text>;
  if (!body) return null;
  const danger = state.askAbort || question?.kind === 'type' || question?.kind === 'failed';
  return (
    <Box flexDirection="column" flexShrink={0} width={width} borderStyle={theme.border} borderColor={theme.color ? (danger ? 'red' : 'yellow') : undefined} paddingX={1}>
      {body}
    </Box>
  );
}
