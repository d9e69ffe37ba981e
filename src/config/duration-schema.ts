import { z } from 'zod';
import { parseDuration } from './duration';

/** "500ms", "2s", "1m" or a number of milliseconds; milliseconds once parsed. A leaf module, so every config section can use it without an import cycle. */
export const durationSchema = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a duration like 500ms, 2s or 1m, got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return ms;
  });
