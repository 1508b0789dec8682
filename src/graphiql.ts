/**
 * GraphiQL served from the gateway itself: `@graphql-yoga/render-graphiql` inlines GraphiQL's
 * script, styles, fonts, icon and Monaco workers into one page, so nothing is fetched from another
 * host (gateways run in private networks). The page is about 9 MB; it is rendered once per set of
 * options and kept, instead of being assembled again for every browser that opens it.
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';

export function createGraphiQLRenderer(): (options: GraphiQLOptions) => string {
  let key: string | undefined;
  let html = '';
  return (options) => {
    const wanted = JSON.stringify(options);
    if (wanted !== key) {
      html = renderGraphiQL(options);
      key = wanted;
    }
    return html;
  };
}

interface Tab {
  query: string;
  variables?: Record<string, unknown>;
}

/**
 * The page's options: one tab per example. The first example is also GraphiQL's `defaultQuery`,
 * which it shows in the first tab (without it, GraphiQL's own welcome text takes that place).
 */
export function graphiqlOptions(tabs: Tab[]): GraphiQLOptions {
  return {
    title: 'catena-gateway',
    ...(tabs[0] ? { defaultQuery: tabs[0].query } : {}),
    defaultTabs: tabs.map((tab) => ({
      query: tab.query,
      variables: tab.variables ? JSON.stringify(tab.variables, null, 2) : null,
    })),
  };
}
