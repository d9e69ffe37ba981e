// Waits until a probe passes (e.g. the API's /health after a recreate), polling until the step's timeout.
import type { ActionOf } from '../schema';
import type { ActionExecutor } from '../engine/types';
import { describeProbe } from '../probes/describe';
import { abortableSleep } from './render';

export const waitExecutor: ActionExecutor<ActionOf<'wait_healthy'>> = {
  render: (a) => `wait until ${describeProbe(a.probe)} passes, checking every ${a.interval} ms`,
  async run(a, ctx) {
    const started = performance.now();
    let last = 'not checked yet';
    let polls = 0;
    for (;;) {
      polls++;
      const outcome = await ctx.prober.probe(a.probe, ctx.signal).catch((error: Error) => ({ pass: false, summary: error.message }));
      last = outcome.summary;
      if (outcome.pass) return { summary: `${describeProbe(a.probe)} passed after ${((performance.now() - started) / 1000).toFixed(1)} s (${polls} checks): ${last}` };
      try {
        await abortableSleep(a.interval, ctx.signal);
      } catch {
        throw new Error(`still failing after ${((performance.now() - started) / 1000).toFixed(1)} s (${polls} checks): ${last}`);
      }
    }
  },
};
