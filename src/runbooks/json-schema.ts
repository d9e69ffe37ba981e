// The JSON Schema editors use for runbook files (runbooks/runbook.schema.json), generated from
// the zod schema so the two cannot drift; a test compares the committed file with this.
import { z } from 'zod';
import { runbookSchema } from './schema';

export const RUNBOOK_SCHEMA_FILE = 'runbook.schema.json';

export function runbookJsonSchema(): Record<string, unknown> {
  // `input`: what a file may contain (durations as "2s", defaults optional), not what loading produces.
  const schema = z.toJSONSchema(runbookSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://opsdeck.dev/runbook.schema.json', title: 'opsdeck runbook' };
}

export function runbookJsonSchemaText(): string {
  return `${JSON.stringify(runbookJsonSchema(), null, 2)}\n`;
}
