import { Agent } from 'undici';

let agent: Agent | undefined;

/**
 * The one pooled connection agent every HTTP probe and metrics scrape goes through, so
 * probing the same service every few seconds reuses its keep-alive connection.
 * Per-request deadlines come from each caller's AbortSignal, not from the agent.
 */
export function sharedAgent(): Agent {
  agent ??= new Agent({
    connections: 4,
    keepAliveTimeout: 30_000,
    headersTimeout: 0,
    bodyTimeout: 0,
    connect: { timeout: 60_000 },
  });
  return agent;
}

/** Closes pooled connections (at exit, or between tests). */
export async function closeSharedAgent(): Promise<void> {
  const closing = agent;
  agent = undefined;
  await closing?.close();
}
