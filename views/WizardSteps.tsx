import React from 'react';
import { Box, Text } from 'ink';
import type { Runbook } from '../src/runbooks/schema';
import type { Theme } from './theme';
import type { StepState } from './wizard-session';
import { fillTitle } from '../src/runbooks/engine/interpolate';

const COLORS: Record<StepState, string | undefined> = { pending: undefined, waiting: 'cyan', running: 'yellow', pass: 'green', fail: 'red', skipped: 'gray' };

export function stepGlyph(state: StepState, theme: Theme): string {
  const unicode = { pending: '·', waiting: '▶', running: '…', pass: '✓', fail: '✗', skipped: '↷' };
  const ascii = { pending: '.', waiting: '>', running: '~', pass: '+', fail: 'x', skipped: '-' };
  return (theme.unicode ? unicode : ascii)[state];
}

/** The steps with their states; a window around the shown step when they do not all fit. */
export function WizardSteps({ runbook, params, states, shownId, width, rows, theme }: { runbook: Runbook; params: Record<string, string | number | boolean>; states: Record<string, StepState>; shownId?: string; width: number; rows: number; theme: Theme }) {
  const steps = runbook.steps;
  const at = Math.max(0, steps.findIndex((s) => s.id === shownId));
  const top = Math.max(0, Math.min(at - Math.floor(rows / 2), steps.length - rows));
  return (
    <Box flexDirection="column" width={width}>
      {steps.slice(top, top + rows).map((step, n) => {
        const state = states[step.id] ?? 'pending';
        const shown = step.id === shownId;
        return (
          <Text key={step.id} wrap="truncate-end" inverse={shown && theme.color} bold={shown}>
            <Text color={theme.color ? COLORS[state] : undefined}>{stepGlyph(state, theme)}</Text>
            {` ${String(top + n + 1).padStart(2)} ${shown && !theme.color ? theme.glyph.selected : ' '}${fillTitle(step.title, params)}`}
          </Text>
        );
      })}
    </Box>
  );
}
