// The engine's event stream, as parsed events. State changes reach the screen from here within
// a moment, instead of waiting for the next poll.
import type Docker from 'dockerode';
import { PROJECT_LABEL } from './labels';

export interface ContainerEvent {
  id: string;
  action: string;
  name?: string;
  time: number;
}

const IGNORED = /^exec_/;

export async function watchContainerEvents(
  docker: Docker, project: string | undefined, signal: AbortSignal, onEvent: (event: ContainerEvent) => void,
): Promise<void> {
  const filters: Record<string, string[]> = { type: ['container'] };
  if (project) filters.label = [`${PROJECT_LABEL}=${project}`];
  const stream = (await docker.getEvents({ filters, abortSignal: signal } as never)) as unknown as NodeJS.ReadableStream;
  let rest = '';
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        const raw = JSON.parse(line) as { Action?: string; status?: string; Actor?: { ID?: string; Attributes?: Record<string, string> }; id?: string; time?: number };
        const action = raw.Action ?? raw.status ?? '';
        const id = raw.Actor?.ID ?? raw.id;
        if (!id || IGNORED.test(action)) continue;
        onEvent({ id, action, name: raw.Actor?.Attributes?.name, time: (raw.time ?? 0) * 1000 });
      }
    });
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', (error: Error) => (signal.aborted ? resolve() : reject(error)));
  });
}
