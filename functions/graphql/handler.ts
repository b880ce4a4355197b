import { createDataSources } from '../data/client.js';
import { createGraphQLHandler } from './lambda.js';

/** Lambda entry point: table names come from the environment set by the CDK stack. */
export const handler = createGraphQLHandler(createDataSources());
