// A tiny federation v2 subgraph over plain node:http: it serves a contract SDL from subgraphs/
// with `_service` and `_entities`, so the real gateway can be exercised without the .NET services.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { buildASTSchema, graphql, Kind, parse } from 'graphql';

const FEDERATION_TYPES = `
  scalar _Any
  type _Service { sdl: String }
`;

/**
 * Builds an executable schema from a contract file. Federation directives (@key, @shareable, ...) stay
 * as unvalidated annotations; the `@link` schema extension is dropped since plain graphql-js has no use for it.
 */
function buildSubgraphSchema(contractSdl, entityTypeNames) {
  const contract = parse(contractSdl);
  const definitions = contract.definitions.filter(
    (definition) => definition.kind !== Kind.SCHEMA_EXTENSION && definition.kind !== Kind.SCHEMA_DEFINITION,
  );
  const hasQueryType = definitions.some(
    (definition) => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Query',
  );
  const federationQueryFields = `
    _service: _Service!
    _entities(representations: [_Any!]!): [_Entity]!
  `;
  const federationSdl = `
    ${FEDERATION_TYPES}
    union _Entity = ${entityTypeNames.join(' | ')}
    ${hasQueryType ? 'extend type Query' : 'type Query'} { ${federationQueryFields} }
  `;
  return buildASTSchema(
    { kind: Kind.DOCUMENT, definitions: [...definitions, ...parse(federationSdl).definitions] },
    { assumeValidSDL: true },
  );
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Starts a subgraph on 127.0.0.1 with a free port.
 * @param {object} options
 * @param {string} options.contractPath  SDL file of the subgraph contract
 * @param {string[]} options.entityTypeNames  types resolvable through `_entities`
 * @param {object} options.queryFields  root resolvers (graphql-js rootValue), without the federation fields
 * @param {(representation: object) => object | null} options.resolveReference  entity lookup by key
 * @param {(request: import('node:http').IncomingMessage) => { status: number, contentType: string, body: object } | null} [options.refuse]
 *   answers a request instead of the schema, as the services' middleware does (a refusal before GraphQL runs)
 * @returns {Promise<{ url: string, receivedRequests: Array<{ headers: object, query: string }>, close: () => Promise<void> }>}
 */
export async function startSubgraph({ contractPath, entityTypeNames, queryFields = {}, resolveReference, refuse }) {
  const contractSdl = readFileSync(contractPath, 'utf8');
  const schema = buildSubgraphSchema(contractSdl, entityTypeNames);
  const rootValue = {
    ...queryFields,
    _service: () => ({ sdl: contractSdl }),
    _entities: ({ representations }) => representations.map((representation) => resolveReference(representation)),
  };
  const receivedRequests = [];

  const server = createServer(async (request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(405).end();
      return;
    }
    const { query, variables, operationName } = JSON.parse(await readBody(request));
    receivedRequests.push({ headers: request.headers, query });
    const refusal = refuse?.(request);
    if (refusal) {
      response.writeHead(refusal.status, { 'content-type': refusal.contentType });
      response.end(JSON.stringify(refusal.body));
      return;
    }
    const result = await graphql({ schema, source: query, rootValue, variableValues: variables, operationName });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(result));
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    receivedRequests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
