import type { Limiter } from "./limiter";

/** What the SDK's paged lists offer: `byPage()` follows `nextLink` page by page. */
export interface Paged<T> {
  byPage(): AsyncIterableIterator<T[]>;
}

/**
 * Every item of a paged SDK list. Each page request takes a slot of the limiter, so the pages of one list are
 * fetched one after the other (each needs the previous `nextLink`) while other lists proceed.
 */
export async function collectPages<T>(limit: Limiter, paged: Paged<T>): Promise<T[]> {
  const pages = paged.byPage();
  const items: T[] = [];
  for (;;) {
    const page = await limit(() => pages.next());
    if (page.done) return items;
    items.push(...page.value);
  }
}
