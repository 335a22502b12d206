import { fileURLToPath } from 'node:url';
import { defineConfig, loadGraphQLHTTPSubgraph } from '@graphql-mesh/compose-cli';

/** Reads a subgraph's SDL from the committed contract file, so composing needs no running service. */
function subgraphFromContract(name: string, endpoint: string) {
  return {
    sourceHandler: loadGraphQLHTTPSubgraph(name, {
      endpoint,
      source: fileURLToPath(new URL(`./subgraphs/${name}.graphql`, import.meta.url)),
    }),
  };
}

export const composeConfig = defineConfig({
  // These endpoints are the local defaults baked into the supergraph; gateway.config.ts overrides them from env.
  subgraphs: [
    subgraphFromContract('identity', 'http://127.0.0.1:5103/graphql'),
    subgraphFromContract('catalog', 'http://127.0.0.1:5101/graphql'),
    subgraphFromContract('inventory', 'http://127.0.0.1:5102/graphql'),
    subgraphFromContract('customers', 'http://127.0.0.1:5104/graphql'),
  ],
});
