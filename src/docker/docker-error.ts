// Docker's errors in words; apart from connect.ts so that what shows them need not load dockerode.

/** A Docker error in words, without dockerode's JSON noise. */
export function dockerErrorText(error: unknown): string {
  const e = error as { code?: string; address?: string; statusCode?: number; json?: { message?: string }; reason?: string; message?: string };
  if (e?.code === 'ENOENT' || e?.code === 'ECONNREFUSED') return `cannot connect to Docker at ${e.address ?? 'its socket'}: ${e.code === 'ENOENT' ? 'no such socket' : 'connection refused'}`;
  if (e?.code === 'EACCES') return `permission denied on the Docker socket ${e.address ?? ''}`.trim();
  if (e?.json?.message) return `${withoutWrappers(e.json.message)}${e.statusCode ? ` (HTTP ${e.statusCode})` : ''}`;
  return withoutWrappers(e?.message ?? String(error));
}

const WRAPPER = /^(error response from daemon|failed to create shim task|oci runtime (create|start) failed|runc (create|start) failed|unable to start container process):\s*/i;

/** Docker nests the cause at the end of a chain of wrappers; on one status line the cause is what matters. */
function withoutWrappers(message: string): string {
  let text = message.replace(/^\(HTTP code \d+\) [a-z ]+ - /i, '').trim();
  while (WRAPPER.test(text)) text = text.replace(WRAPPER, '');
  return text.replace(/: unknown$/, '');
}
