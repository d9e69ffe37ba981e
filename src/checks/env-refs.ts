/** Raised when a ${NAME} reference cannot be expanded. The message never holds a value. */
export class EnvRefError extends Error {
  override name = 'EnvRefError';
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Expands ${NAME} and ${NAME:-fallback} in `text`. `field` names the setting in errors
 * ("password"), so a message can point at it without showing what it holds.
 */
export function expandEnvRefs(text: string, env: Record<string, string | undefined>, field: string): string {
  let out = '';
  let pos = 0;
  for (let open = text.indexOf('${'); open >= 0; open = text.indexOf('${', pos)) {
    const close = text.indexOf('}', open);
    if (close < 0) throw new EnvRefError(`${field}: "\${" without a closing "}"`);
    out += text.slice(pos, open) + lookup(text.slice(open + 2, close), env, field);
    pos = close + 1;
  }
  return out + text.slice(pos);
}

function lookup(inner: string, env: Record<string, string | undefined>, field: string): string {
  const [name, fallback] = splitFallback(inner);
  if (!NAME.test(name)) throw new EnvRefError(`${field}: a "\${…}" reference holds no valid environment variable name`);
  const value = env[name];
  if (value !== undefined && value !== '') return value;
  if (fallback !== undefined) return fallback;
  throw new EnvRefError(`${field}: environment variable ${name} is not set`);
}

function splitFallback(inner: string): [string, string | undefined] {
  const at = inner.indexOf(':-');
  return at < 0 ? [inner, undefined] : [inner.slice(0, at), inner.slice(at + 2)];
}

/** Expands the named string fields of `spec`, leaving the rest untouched. */
export function expandFields<T extends object, K extends keyof T>(
  spec: T,
  keys: readonly K[],
  env: Record<string, string | undefined>,
): T {
  const out = { ...spec };
  for (const key of keys) {
    const value = out[key];
    if (typeof value === 'string') out[key] = expandEnvRefs(value, env, String(key)) as T[K];
  }
  return out;
}
