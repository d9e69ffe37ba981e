// The lag pane's `B`: plan a reset to latest for the selected group, show the plan, confirm,
// then run it journaled and leave the outcome as a notice.
import type { Cockpit } from './context';
import type { GroupView } from '../src/kafka/source/lag-model';
import { executeBacklogClear, outcomeText, planBacklogClear, planSummary, refusal, type BacklogPlan } from '../actions/clear-backlog';

export type PlanState = { groupId: string; plan?: BacklogPlan; error?: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function notify(cockpit: Cockpit, kind: 'ok' | 'error', text: string): void {
  cockpit.state.set((s) => ({ ...s, notice: { kind, text, at: Date.now() } }));
}

/**
 * Plans, then asks. `show` receives the plan (or why there is none) for the pane to draw;
 * `done` is called after the reset ran, whatever its outcome.
 */
export async function clearBacklog(
  cockpit: Cockpit, group: GroupView, confirm: (text: string, run: () => void) => void,
  show: (state: PlanState) => void, done: () => void,
): Promise<void> {
  const lag = cockpit.lag;
  if (!lag || cockpit.readOnly) return;
  const early = group.members.length > 0 ? refusal({ groupId: group.groupId, groupState: group.state, members: group.members.length }) : undefined;
  if (early) {
    notify(cockpit, 'error', early);
    return;
  }
  const topics = [...new Set(group.partitions.map((p) => p.topic))];
  show({ groupId: group.groupId });
  let plan: BacklogPlan;
  try {
    plan = await lag.withAdmin((admin) => planBacklogClear(admin, group.groupId, topics, { to: 'latest' }));
  } catch (error) {
    show({ groupId: group.groupId, error: message(error) });
    notify(cockpit, 'error', `cannot plan the reset of group ${group.groupId}: ${message(error)}`);
    return;
  }
  const why = refusal(plan);
  show({ groupId: group.groupId, plan, error: why });
  if (why) {
    notify(cockpit, 'error', why);
    return;
  }
  confirm(planSummary(plan), () => {
    void lag.withAdmin((admin) => executeBacklogClear(admin, cockpit.journal, plan)).then(
      () => notify(cockpit, 'ok', outcomeText(plan)),
      (error: unknown) => notify(cockpit, 'error', `clear backlog of group ${group.groupId} failed: ${message(error)}`),
    ).finally(() => {
      done();
      void lag.poll();
    });
  });
}
