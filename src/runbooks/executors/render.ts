// How commands and requests are shown: quoted so the text can be pasted into a shell as is.
export function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function quoteArgv(argv: string[]): string {
  return argv.map(quoteArg).join(' ');
}

export function renderRequest(method: string, url: string, headers: Record<string, string>, body?: string): string {
  const parts = [`${method} ${url}`];
  for (const [name, value] of Object.entries(headers)) parts.push(`${name}: ${value}`);
  if (body !== undefined) parts.push(`body: ${body.length > 200 ? `${body.slice(0, 200)}… (${body.length} bytes)` : body}`);
  return parts.join('\n  ');
}

export function statusAccepted(status: number, accepted: number | number[] | undefined): boolean {
  const list = accepted === undefined ? [] : Array.isArray(accepted) ? accepted : [accepted];
  return list.length === 0 ? status >= 200 && status < 300 : list.includes(status);
}

/** The last `max` characters of command output, for summaries and the journal. */
export function tail(text: string, max = 2000): string {
  const trimmed = text.trimEnd();
  return trimmed.length > max ? `…${trimmed.slice(-max)}` : trimmed;
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(timer); reject(signal.reason); };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
