/**
 * The arguments the scenario commands share: files, and `--json`. An unknown option or no
 * file prints the usage line and means exit status 2.
 */
export type FileArgs = { readonly ok: true; readonly json: boolean; readonly files: readonly string[] } | { readonly ok: false };

export function parseFileArgs(argv: readonly string[], usage: string): FileArgs {
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  const unknown = files.filter((f) => f.startsWith('--'));
  if (files.length === 0 || unknown.length > 0) {
    process.stderr.write(`${unknown.length ? `Unknown option ${unknown.join(' ')}. ` : ''}${usage}\n`);
    return { ok: false };
  }
  return { ok: true, json, files };
}
