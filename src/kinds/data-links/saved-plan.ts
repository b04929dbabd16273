/**
 * A saved plan's precondition of a data link: found by name in the fresh
 * list, which counts as unread while the platform still answers 202 (an
 * incomplete list cannot tell that a link is absent).
 */
import type { ActualDataLinks } from './model.js';
import { pick, preconditionOf } from '../kit/precondition.js';
import type { ResourceWrites } from '../kind.js';
import type { ResourcePrecondition } from '../kind-saved-plan.js';

export const dataLinkPrecondition: ResourcePrecondition = preconditionOf('dataLink', {
  locate: ({ ws }, action) =>
    pick(
      ws !== undefined,
      ws?.dataLinks?.complete === true ? ws.dataLinks.links : undefined,
      (l) => l.name === action.name,
    ),
});

/** The live data links as items of their collection (its size, a deleted workspace's contents). */
export function dataLinkItems(collection: ActualDataLinks): readonly object[] {
  return collection.links;
}

/**
 * The bench's writes of a data link: one create; a seed's discovered links
 * are listed (the live size) but never matched by name, and its 202 answers
 * still to come are a live size of their own (`dataLinksFetching`).
 */
export const dataLinkWrites: ResourceWrites = {
  create: 'POST /data-links',
  own: (item) => item['discovered'] !== true,
  seedSizes: (ws) => {
    const { dataLinksFetching } = ws as { readonly dataLinksFetching?: unknown };
    return typeof dataLinksFetching === 'number' ? { dataLinksFetching } : {};
  },
};
