// Removes secret values from anything written down: journal lines, reports, operator notes.
export const REDACTED = '***';

export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string): void {
    if (secret.length > 0) this.secrets.add(secret);
  }

  text(value: string): string {
    let out = value;
    // Longest first, so a secret that contains another is removed whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join(REDACTED);
    return out;
  }

  value<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((item) => this.value(item)) as T;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.value(v)])) as T;
    if ((typeof value === 'number' || typeof value === 'boolean') && this.secrets.has(String(value))) return REDACTED as T;
    return value;
  }
}
