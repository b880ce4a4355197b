import type { ConnectionModel, EdgeModel, PageInfoModel } from '../models.js';

/** The same four fields for every connection type; each type's model is a ConnectionModel. */
export const connectionFields = {
  nodes: <T>(connection: ConnectionModel<T>) => connection.edges.map((edge) => edge.node),
  pageInfo: <T>(connection: ConnectionModel<T>): PageInfoModel => ({
    hasNextPage: connection.hasNextPage,
    endCursor: async () => (await connection.edges.at(-1)?.cursor()) ?? null,
  }),
  totalCount: <T>(connection: ConnectionModel<T>) => connection.totalCount(),
};

/** Every edge type's cursor, signed when asked for (an executor need not call a model's functions for it). */
export const edgeFields = {
  cursor: <T>(edge: EdgeModel<T>) => edge.cursor(),
};

/** The end cursor, sealed when asked for. */
export const pageInfoFields = {
  endCursor: (pageInfo: PageInfoModel) => pageInfo.endCursor(),
};
