/** A node of a Pulumi-style resource tree. */
export interface TreeItem {
  readonly urn: string;
  readonly parent?: string;
}

/**
 * Orders items as `pulumi preview` draws them — each parent followed by its children, in the given order — with
 * the tree prefix of each (`├─ `, `└─ `, `│  `). Items whose parent is not in the list are roots.
 */
export function treeRows<T extends TreeItem>(items: readonly T[]): { item: T; prefix: string }[] {
  const known = new Set(items.map((i) => i.urn));
  const children = new Map<string | undefined, T[]>();
  for (const item of items) {
    const parent = item.parent !== undefined && known.has(item.parent) ? item.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  const rows: { item: T; prefix: string }[] = [];
  const walk = (parent: string | undefined, indent: string, isRoot: boolean): void => {
    const list = children.get(parent) ?? [];
    list.forEach((item, i) => {
      const last = i === list.length - 1;
      rows.push({ item, prefix: isRoot ? "" : `${indent}${last ? "└─ " : "├─ "}` });
      walk(item.urn, isRoot ? "" : `${indent}${last ? "   " : "│  "}`, false);
    });
  };
  walk(undefined, "", true);
  return rows;
}
