import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runbookJsonSchemaText, RUNBOOK_SCHEMA_FILE } from '../src/runbooks/json-schema';
import { bundledRunbooksDir } from '../src/runbooks/load';

const committed = join(bundledRunbooksDir(), RUNBOOK_SCHEMA_FILE);

describe('runbook JSON Schema', () => {
  it('the committed runbooks/runbook.schema.json is the one generated from the zod schema', () => {
    // Regenerate after changing src/runbooks/schema*.ts: UPDATE_RUNBOOK_SCHEMA=1 npx vitest run test/runbook-schema
    if (process.env.UPDATE_RUNBOOK_SCHEMA === '1') writeFileSync(committed, runbookJsonSchemaText());
    expect(readFileSync(committed, 'utf8')).toBe(runbookJsonSchemaText());
  });

  it('tells editors that unknown keys are errors and which step kinds exist', () => {
    const schema = JSON.parse(readFileSync(committed, 'utf8'));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'severity', 'steps']));
    const kinds = JSON.stringify(schema.properties.steps);
    for (const kind of ['check', 'action', 'manual', 'decision']) expect(kinds).toContain(`"const":"${kind}"`);
  });
});
