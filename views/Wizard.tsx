import React, { useSyncExternalStore } from 'react';
import { Box, Text } from 'ink';
import { useCockpit } from './context';
import type { WizardSession } from './wizard-session';
import { stepText, shownParams } from './wizard-render';
import { WizardSteps, stepGlyph } from './WizardSteps';
import { WizardPrompt, wizardHints } from './WizardPrompt';
import { detailRows, promptRows } from './wizard-layout';
import { fillTitle } from '../src/runbooks/engine/interpolate';

const SIDE_BY_SIDE = 100;

/** The guided run of one runbook, full screen: steps, the shown step in detail, the question, the keys. */
export function Wizard({ session, width, height }: { session: WizardSession; width: number; height: number }) {
  const { theme } = useCockpit();
  const state = useSyncExternalStore(session.store.subscribe, session.store.get);
  const { runbook } = session;
  const question = session.operator.question;
  const color = (c: string) => (theme.color ? c : undefined);
  let params: Record<string, string | number | boolean> = {};
  let paramError: string | undefined;
  try {
    params = shownParams(runbook, session.params);
  } catch (error) {
    paramError = (error as Error).message;
  }
  const shownId = state.viewId ?? state.currentId ?? runbook.steps[0].id;
  const index = runbook.steps.findIndex((s) => s.id === shownId);
  const step = runbook.steps[index];
  const text = paramError ? { what: paramError, flags: [] } : stepText(step, runbook, params);
  const stepState = state.states[step.id] ?? 'pending';
  const result = state.results[step.id];
  const inner = width - 4;
  const wide = width >= SIDE_BY_SIDE;
  const listWidth = wide ? Math.min(60, Math.floor(inner * 0.38)) : inner;
  const detailWidth = wide ? inner - listWidth - 2 : inner;
  const description = 'description' in step ? step.description : undefined;
  const asked = promptRows(state, question, inner, text.what);
  const fixed = 2 + 2 + asked + 1 + (state.outcome ? 2 : 0) + (state.flash ? 1 : 0);
  const listRows = Math.max(2, Math.min(runbook.steps.length, height - fixed - (wide ? 0 : detailRows(text, description, inner))));
  const waitingFor = question && (question.kind === 'confirm' || question.kind === 'type' || question.kind === 'choose');
  const outcome = state.outcome;
  const detail = (
    <Box flexDirection="column" width={detailWidth}>
      <Text bold wrap="truncate-end">{`Step ${index + 1}/${runbook.steps.length} · ${step.kind} · ${fillTitle(step.title, params)}`}</Text>
      {description ? <Text wrap="wrap" dimColor>{description}</Text> : null}
      <Text wrap="wrap" color={color(step.kind === 'action' ? 'yellow' : 'white')}>{text.what}</Text>
      {text.flags.map((flag, n) => <Text key={n} wrap="truncate-end" color={color(/destructive|REVIEW/.test(flag) ? 'red' : 'gray')}>{flag}</Text>)}
      <Text wrap="wrap" color={color(stepState === 'pass' ? 'green' : stepState === 'fail' ? 'red' : 'yellow')}>
        {waitingFor && step.id === state.currentId ? 'waiting for your answer below' : stepState === 'running' ? `${stepGlyph('running', theme)} running…` : result ? `${stepGlyph(stepState, theme)} ${result}` : stepState === 'waiting' ? 'waiting for you' : ''}
      </Text>
    </Box>
  );
  const logRows = Math.max(0, height - fixed - (wide ? Math.max(listRows, detailRows(text, description, detailWidth)) : listRows + detailRows(text, description, inner)));
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle={theme.border} borderColor={color('cyan')} paddingX={1} overflow="hidden">
      <Box flexDirection="column" flexShrink={0}>
        <Text wrap="truncate-end">
          <Text bold color={color('cyan')}>{`Wizard · ${runbook.id}`}</Text>
          <Text color={color(runbook.severity === 'P0' ? 'red' : 'yellow')}>{` ${runbook.severity}`}</Text>
          {` · ${runbook.title}`}
          {session.readOnly ? <Text color={color('yellow')}> [read-only]</Text> : null}
        </Text>
        <Text wrap="truncate-end" dimColor>{Object.entries(params).map(([k, v]) => `${k}=${v}`).join('  ') || 'no parameters'}</Text>
      </Box>
      {wide
        ? <Box flexDirection="row" columnGap={2}>
            <WizardSteps runbook={runbook} params={params} states={state.states} shownId={shownId} width={listWidth} rows={listRows} theme={theme} />
            {detail}
          </Box>
        : <Box flexDirection="column"><WizardSteps runbook={runbook} params={params} states={state.states} shownId={shownId} width={listWidth} rows={listRows} theme={theme} />{detail}</Box>}
      <WizardPrompt state={state} question={question} theme={theme} width={inner} shownCommand={text.what} />
      {outcome ? <Text bold wrap="wrap" color={color(outcome.outcome === 'succeeded' ? 'green' : 'red')}>{`${outcome.outcome}: ${outcome.message}${outcome.runId ? ` · report: opsdeck report ${outcome.runId}` : ''}`}</Text> : null}
      {state.flash ? <Text color={color('yellow')} wrap="truncate-end">{state.flash}</Text> : null}
      <Box flexGrow={1} flexDirection="column" justifyContent="flex-end" overflow="hidden">
        {(logRows > 0 ? state.log.slice(-logRows) : []).map((line, n) => <Text key={n} wrap="truncate-end" dimColor>{line}</Text>)}
      </Box>
      <Box flexShrink={0}><Text wrap="truncate-end" color={color('cyan')}>{wizardHints(state, question, session.readOnly)}</Text></Box>
    </Box>
  );
}
