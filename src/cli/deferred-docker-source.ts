// The cockpit's DockerSource, loaded when it is opened: with it come dockerode, docker-modem and
// node:http (~15 ms of a start), and the cockpit opens it only once the first frame is drawn from
// the early listing (src/docker/first-listing.ts). Actions and details asked for before then wait
// for it. A malformed host is refused at once, as before any UI; a source that fails to load later
// is an engine that is down, with why.
import type { Store } from '../store/store';
import type { AppState } from '../store/app-state';
import type { LogFeed } from '../logs/log-feed';
import type { DockerSource, DockerSourceOptions } from '../docker/docker-source';
import type { UiSource } from './ui';

export function deferredDockerSource(options: DockerSourceOptions, state: Store<AppState>, feed: LogFeed): UiSource {
  new URL(options.host); // throws "Invalid URL" for a malformed host, as DockerSource did when made here
  let made: Promise<DockerSource> | undefined;
  let closed = false;
  const source = () => (made ??= import('../docker/docker-source').then(({ DockerSource }) => new DockerSource(options, state, feed)));
  return {
    open() {
      source().then((s) => { if (!closed) s.open(); }, (error: Error) => {
        state.set((s) => ({ ...s, docker: { ...s.docker, status: 'down', error: error.message } }));
      });
    },
    async close() {
      closed = true;
      await made?.then((s) => s.close(), () => undefined);
    },
    details: async (id) => (await source()).details(id),
    restart: async (id) => (await source()).restart(id),
    stop: async (id) => (await source()).stop(id),
    start: async (id) => (await source()).start(id),
  };
}
