import type { ReactElement } from "react";

/** A route's `lazy`: the page's module loads on the first visit, split from the main bundle. */
export const lazyPage = (load: () => Promise<ReactElement>) => async () => ({ element: await load() });
