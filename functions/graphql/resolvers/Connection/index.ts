import type { ConnectionModel } from '../../models.js';

/** The same four fields for every connection type; each type's model is a ConnectionModel. */
export const connectionFields = {
  nodes: <T>(connection: ConnectionModel<T>) => connection.edges.map((edge) => edge.node),
  pageInfo: <T>(connection: ConnectionModel<T>) => ({
    hasNextPage: connection.hasNextPage,
    endCursor: connection.edges.at(-1)?.cursor() ?? null,
  }),
  totalCount: <T>(connection: ConnectionModel<T>) => connection.totalCount(),
};
