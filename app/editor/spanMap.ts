/**
 * A span of one JSON text carried over to another text of the same JSON value: the engine's
 * spans refer to the canonical text of the world's document (`JSON.stringify(document,
 * null, 2)`), while the editor shows the learner's own layout. The span's JSON path is
 * looked up in the other text; `undefined` when either text is not JSON or the path is gone.
 */
import { parseJson, type JsonNode } from '../../engine/policy/json';
import type { Span } from '../../engine/policy/types';

type Step = string | number;

function children(node: JsonNode): [Step, JsonNode][] {
  if (node.kind === 'object') return node.members.map((m) => [m.key, m.value]);
  if (node.kind === 'array') return node.items.map((item, i) => [i, item]);
  return [];
}

/** The path of the deepest node whose span contains `span` (an exact match ends the search). */
function pathTo(root: JsonNode, span: Span): Step[] | undefined {
  const contains = (n: JsonNode): boolean => n.span.start <= span.start && span.end <= n.span.end;
  if (!contains(root)) return undefined;
  const path: Step[] = [];
  let node = root;
  for (;;) {
    if (node.span.start === span.start && node.span.end === span.end) return path;
    const next = children(node).find(([, child]) => contains(child));
    if (next === undefined) return path;
    path.push(next[0]);
    node = next[1];
  }
}

function nodeAt(root: JsonNode, path: readonly Step[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const step of path) {
    // The last member of a repeated key wins, as JSON.parse reads it.
    node = node === undefined ? undefined : children(node).filter(([k]) => k === step).at(-1)?.[1];
  }
  return node;
}

export function mapSpan(fromText: string, toText: string, span: Span): Span | undefined {
  if (fromText === toText) return span;
  const from = parseJson(fromText);
  const to = parseJson(toText);
  if (!from.ok || !to.ok) return undefined;
  const path = pathTo(from.value, span);
  return path === undefined ? undefined : nodeAt(to.value, path)?.span;
}
