/**
 * The text of a statement cut from its policy at the span the engine gave, with the
 * indentation of its first line restored and the common indentation removed, so it
 * reads like the statement on its own.
 */
export function statementSnippet(source: string, span: { readonly start: number; readonly end: number }): string {
  const lineStart = source.lastIndexOf('\n', span.start - 1) + 1;
  const lead = source.slice(lineStart, span.start);
  const text = (/^[ \t]*$/.test(lead) ? lead : '') + source.slice(span.start, span.end);
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(common, /^[ \t]*/.exec(l)?.[0].length ?? 0))).join('\n');
}
