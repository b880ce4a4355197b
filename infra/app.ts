/**
 * The CDK app (`npm run synth`, `npm run deploy -- --all`): the web ACL stack in
 * us-east-1 and the application stack (infra/deployment.ts), checked by cdk-nag.
 */
import { App } from 'aws-cdk-lib';
import { applyNagPacks } from './api-stack.js';
import { createDeployment } from './deployment.js';

const app = new App();
createDeployment(app);
applyNagPacks(app);
app.synth();
