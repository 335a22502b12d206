import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL operations from the committed supergraph (`npm run codegen`; the generated src/gql is committed and a
 * unit test fails when it is not current). Every document here is checked against the supergraph.
 */
const config: CodegenConfig = {
  schema: '../../src/Gateway/supergraph.graphql',
  documents: ['src/graphql/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Long: 'number', DateTimeOffset: 'string', ID: 'string', TransportOptions: 'unknown' },
      },
    },
  },
};

export default config;
