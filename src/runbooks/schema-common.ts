// Building blocks shared by probes, actions and steps: durations, parameter references, argv.
import { z } from 'zod';
import { durationSchema } from '../config/duration-schema';

export { durationSchema as duration };
export { PARAM_REF, ENV_REF } from './refs';

const wholeParamRef = z.string().regex(/^\{\{\s*[A-Za-z_][\w-]*\s*\}\}$/, { error: 'expected a number or a parameter reference like "{{count}}"' });

/** A whole number, or a parameter reference replaced by one at run time. */
export const intOrParam = (min = 0) => z.union([z.number().int().min(min), wholeParamRef]);

export const serviceName = z.string().min(1, { error: 'expected a service name' });

/** A command as an argument array; never passed through a shell unless the step says `shell: true`. */
export const argv = z.array(z.string()).min(1, { error: 'expected a command as an argument array, e.g. [docker, ps]' });

export const httpMethod = z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

export const statusList = z.union([z.number().int(), z.array(z.number().int())]);

/** Where a step goes next: a step id, or `next`, `end` (success) or `fail`. */
export const stepTarget = z.string().min(1);
export const SPECIAL_TARGETS = ['next', 'end', 'fail'] as const;
