import { durationInWords, messageOf } from './words';

const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in the chain',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificate is not valid for this host name',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate issuer is not trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificate issuer is not trusted',
};

interface ErrorWithCode {
  code?: string;
  hostname?: string;
  address?: string;
  port?: number;
  cause?: unknown;
}

/** undici wraps socket errors; the useful code is sometimes on the cause. */
function rootError(err: unknown): ErrorWithCode & { message?: string } {
  const outer = (err ?? {}) as ErrorWithCode;
  const inner = outer.cause as ErrorWithCode | undefined;
  const outerIsWrapper = !outer.code || outer.code.startsWith('UND_ERR');
  return outerIsWrapper && inner?.code ? inner : outer;
}

/** A network failure in words: "connection refused by 127.0.0.1:8000", "timeout after 2 s", ... */
export function describeNetworkError(err: unknown, host: string): string {
  const root = rootError(err);
  const { code, port } = root;
  const where = port ? `${host}:${port}` : host;
  if (code && TLS_REASONS[code]) return `TLS error: ${TLS_REASONS[code]}`;
  switch (code) {
    case 'ECONNREFUSED': return `connection refused by ${where}`;
    case 'ENOTFOUND': return `DNS lookup failed: no such host ${host}`;
    case 'EAI_AGAIN': return `DNS lookup failed for ${host} (temporary failure)`;
    case 'ECONNRESET': return `connection reset by ${where}`;
    case 'UND_ERR_SOCKET': return `connection closed by ${host} before a complete reply`;
    case 'EHOSTUNREACH': return `host ${host} unreachable`;
    case 'ENETUNREACH': return `network unreachable for ${host}`;
    case 'EPIPE': return `connection closed by ${where} while sending`;
  }
  const message = messageOf(root);
  if (/wrong version number|packet length too long|ssl|tls/i.test(message) || code?.startsWith('ERR_SSL')) {
    return /wrong version number|packet length/i.test(message)
      ? 'TLS handshake failed: the server does not speak TLS on this port'
      : `TLS error: ${message}`;
  }
  return message || `request failed (${code ?? 'unknown error'})`;
}

export function timeoutInWords(timeoutMs: number): string {
  return `timeout after ${durationInWords(timeoutMs)}`;
}
