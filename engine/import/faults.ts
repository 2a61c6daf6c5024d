/**
 * Errors and warnings of an import, each at `FILE: JSON-PATH`. Things left out that recur
 * (every role's `RoleLastUsed`, every non-default policy version) are gathered into one
 * warning per file and kind, at the first place they occur, with how many there were.
 */
import type { WorldFault } from '../worker/protocol';

/** A place in one of the imported files. */
export interface Origin {
  readonly file: string;
  /** JSON path inside the file, `$.UserDetailList[0]`. */
  readonly path: string;
}

export function at(origin: Origin): string {
  return `${origin.file}: ${origin.path}`;
}

interface Gathered {
  readonly first: Origin;
  count: number;
  readonly message: (count: number) => string;
}

export class ImportFaults {
  readonly errors: WorldFault[] = [];
  private readonly warnings: WorldFault[] = [];
  private readonly gathered = new Map<string, Gathered>();

  error(origin: Origin, message: string): void {
    this.errors.push({ path: at(origin), message });
  }

  warn(origin: Origin, message: string): void {
    this.warnings.push({ path: at(origin), message });
  }

  /** `amount` more of a recurring kind of thing left out; `message(total)` is written once per file and kind. */
  gather(kind: string, origin: Origin, message: (count: number) => string, amount = 1): void {
    const key = `${origin.file}\u0000${kind}`;
    const seen = this.gathered.get(key);
    if (seen) seen.count += amount;
    else this.gathered.set(key, { first: origin, count: amount, message });
  }

  /** A warning given once per import, however many files call for it. */
  warnOnce(kind: string, origin: Origin, message: string): void {
    const key = `\u0000${kind}`;
    if (this.gathered.has(key)) return;
    this.gathered.set(key, { first: origin, count: 1, message: () => message });
  }

  get failed(): boolean {
    return this.errors.length > 0;
  }

  allWarnings(): WorldFault[] {
    return [...this.warnings, ...[...this.gathered.values()].map((g) => ({ path: at(g.first), message: g.message(g.count) }))];
  }
}

/** "1 role" / "3 roles". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 role is" / "3 roles are". */
export function countIs(n: number, one: string, many = `${one}s`): string {
  return `${count(n, one, many)} ${n === 1 ? 'is' : 'are'}`;
}
