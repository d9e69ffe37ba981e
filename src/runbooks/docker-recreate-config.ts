// The create options that reproduce an inspected container: same image, command, labels,
// mounts, ports, restart policy, health check and networks, with only the environment changed.
import type Docker from 'dockerode';

export function mergeEnv(env: string[], changes: Record<string, string | undefined>): string[] {
  const out = env.filter((entry) => !(entry.split('=')[0] in changes));
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) out.push(`${key}=${value}`);
  return out;
}

export function containerCreateOptions(info: Docker.ContainerInspectInfo, change: { name: string; image: string; env: string[] }): Docker.ContainerCreateOptions {
  const c = info.Config;
  const networkMode = info.HostConfig.NetworkMode ?? '';
  // Host, none and container: modes take no endpoint settings; user networks keep their aliases.
  const ownNetworks = !['host', 'none', 'default', ''].includes(networkMode) && !networkMode.startsWith('container:');
  const shortId = info.Id.slice(0, 12);
  const endpoints = ownNetworks
    ? Object.fromEntries(Object.entries(info.NetworkSettings.Networks ?? {}).map(([network, settings]) => [network, {
      Aliases: ((settings.Aliases ?? []) as string[]).filter((alias) => alias !== shortId),
      IPAMConfig: settings.IPAMConfig ?? undefined,
      Links: settings.Links ?? undefined,
    }]))
    : undefined;
  return {
    name: change.name,
    Image: change.image,
    Env: change.env,
    Cmd: c.Cmd ?? undefined,
    Entrypoint: c.Entrypoint ?? undefined,
    WorkingDir: c.WorkingDir || undefined,
    User: c.User || undefined,
    Labels: c.Labels,
    ExposedPorts: c.ExposedPorts,
    Volumes: c.Volumes,
    Healthcheck: c.Healthcheck,
    StopSignal: (c as { StopSignal?: string }).StopSignal,
    Tty: c.Tty,
    OpenStdin: c.OpenStdin,
    StdinOnce: c.StdinOnce,
    HostConfig: info.HostConfig,
    NetworkingConfig: endpoints ? { EndpointsConfig: endpoints } : undefined,
  };
}
