/**
 * The GraphQL function's front door: a Lambda function URL that only
 * CloudFront may call. Its auth type is AWS_IAM and its resource policy allows
 * the CloudFront service principal for this deployment's distribution alone
 * (added when the distribution's origin access control binds it, cdn.ts), so
 * a request that does not come through CloudFront is refused by Lambda's
 * front end before the function is invoked, and spends none of the
 * function's concurrency. CORS is Lambda's, configured from the one
 * definition in functions/shared/http-contract.ts.
 */
import { Duration } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import {
  FunctionUrlAuthType,
  HttpMethod,
  InvokeMode,
  type FunctionUrl,
  type Function as LambdaFunction,
} from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { alarmAtLeast } from './alarms.js';
import type { CorsPolicy } from '../../functions/shared/http-contract.js';

export interface GraphQLApiProps {
  handler: LambdaFunction;
  /** CORS as Lambda answers it for the function URL: from functions/shared/http-contract.ts, origins from context. */
  cors: CorsPolicy;
}

const URL_METHODS: Readonly<Record<string, HttpMethod>> = {
  GET: HttpMethod.GET,
  POST: HttpMethod.POST,
  HEAD: HttpMethod.HEAD,
};

/** Lambda answers preflights itself: OPTIONS is not a method a function URL's CORS lists. */
function urlMethods(methods: readonly string[]): HttpMethod[] {
  return methods
    .filter((method) => method !== 'OPTIONS')
    .map((method) => {
      const found = URL_METHODS[method];
      if (found === undefined) throw new Error(`No function URL method ${method}`);
      return found;
    });
}

export class GraphQLApi extends Construct {
  readonly url: FunctionUrl;
  readonly serverErrorsAlarm: Alarm;

  constructor(scope: Construct, id: string, props: GraphQLApiProps) {
    super(scope, id);
    this.url = props.handler.addFunctionUrl({
      // Signed requests only: CloudFront's origin access control signs them (SigV4), nobody else may.
      authType: FunctionUrlAuthType.AWS_IAM,
      invokeMode: InvokeMode.BUFFERED,
      // Once set, Lambda answers every preflight itself and sets the CORS headers of every answer:
      // the local server emulates exactly this (scripts/edge-emulation.ts).
      cors: {
        allowedOrigins: [...props.cors.allowOrigins],
        allowedMethods: urlMethods(props.cors.allowMethods),
        allowedHeaders: [...props.cors.allowHeaders],
        exposedHeaders: [...props.cors.exposeHeaders],
        maxAge: Duration.seconds(props.cors.maxAgeSeconds),
        allowCredentials: false,
      },
    });

    this.serverErrorsAlarm = alarmAtLeast(
      this,
      'ServerErrorsAlarm',
      'The function URL answered with 5xx (function errors, timeouts or throttles).',
      props.handler.metric('Url5xxCount', { period: Duration.minutes(5), statistic: 'Sum' }),
      5,
    );
  }
}
