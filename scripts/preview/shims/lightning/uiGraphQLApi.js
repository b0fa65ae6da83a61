// Preview shim for lightning/uiGraphQLApi (v1, deprecated): the same wire as lightning/graphql, plus
// refreshGraphQL(result), which only v1 has.
export { gql, graphql, refreshResult as refreshGraphQL } from './graphql';
