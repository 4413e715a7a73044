/** The text of a unist tree (mdast, hast): its literal values joined, as `*-util-to-string` do. */
export function textOf(node: unknown): string {
  const n = node as { value?: unknown; children?: unknown[] };
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map(textOf).join('');
}

/** Every node of a unist tree, depth first. */
export function allNodes<T = { type: string }>(node: unknown): T[] {
  const out: T[] = [node as T];
  for (const child of (node as { children?: unknown[] }).children ?? []) out.push(...allNodes<T>(child));
  return out;
}
