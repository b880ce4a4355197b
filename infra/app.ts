/** The CDK app (`npm run synth`, `npm run deploy`): one environment-agnostic stack, checked by cdk-nag. */
import { App } from 'aws-cdk-lib';
import { ApiStack, applyNagPacks } from './api-stack.js';

const app = new App();
new ApiStack(app, 'KnowledgeBaseApi', {
  description: 'Serverless GraphQL API over the Russia–Azerbaijan allied-interaction knowledge base',
});
applyNagPacks(app);
app.synth();
