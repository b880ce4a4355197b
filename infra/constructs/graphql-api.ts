/**
 * The public HTTP API in front of the GraphQL function: /graphql (GET and
 * POST) and /graphql/{proxy+} for the playground's assets, throttled, with
 * JSON access logs and an alarm on 5xx replies.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { alarmAtLeast } from './alarms.js';
import type { CorsPolicy } from '../../functions/shared/http-contract.js';

export interface GraphQLApiProps {
  handler: IFunction;
  /** Steady-state requests per second across the stage. */
  throttleRate: number;
  /** Requests allowed in a burst above the rate. */
  throttleBurst: number;
  logRetention: RetentionDays;
  /** CORS as API Gateway answers it: from functions/shared/http-contract.ts, origins from context. */
  cors: CorsPolicy;
}

/** $context variables an HTTP API (not a REST API) provides, as one JSON object per request. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  // The Lambda request id: joins this line to the function's log lines for the same request.
  integrationRequestId: '$context.integration.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  userAgent: '$context.identity.userAgent',
};

const CORS_HTTP_METHODS: Readonly<Record<string, CorsHttpMethod>> = {
  GET: CorsHttpMethod.GET,
  POST: CorsHttpMethod.POST,
  OPTIONS: CorsHttpMethod.OPTIONS,
  HEAD: CorsHttpMethod.HEAD,
};

function corsMethod(method: string): CorsHttpMethod {
  const found = CORS_HTTP_METHODS[method];
  if (found === undefined) throw new Error(`No CORS method ${method}`);
  return found;
}

export class GraphQLApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly serverErrorsAlarm: Alarm;
  /** The GraphQL endpoint: `${apiEndpoint}/graphql`. */
  readonly graphqlUrl: string;

  constructor(scope: Construct, id: string, props: GraphQLApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'HttpApi', {
      description: 'Public, read-only GraphQL API over the knowledge base',
      // The default stage is added below, where throttling and access logs can be set.
      createDefaultStage: false,
      // Once set, API Gateway answers every preflight itself and replaces the function's CORS headers with these:
      // the local server emulates exactly this (scripts/edge-emulation.ts).
      corsPreflight: {
        allowOrigins: [...props.cors.allowOrigins],
        allowMethods: props.cors.allowMethods.map(corsMethod),
        allowHeaders: [...props.cors.allowHeaders],
        exposeHeaders: [...props.cors.exposeHeaders],
        maxAge: Duration.seconds(props.cors.maxAgeSeconds),
        allowCredentials: false,
      },
    });

    this.stage = this.defaultStage(props);
    this.routeTo(props.handler);
    this.serverErrorsAlarm = alarmAtLeast(
      this,
      'ServerErrorsAlarm',
      'The HTTP API answered with 5xx (function errors, timeouts or throttles).',
      this.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      5,
    );
    this.graphqlUrl = `${this.api.apiEndpoint}/graphql`;
  }

  /** The default stage, with its throttle and its access logs. */
  private defaultStage(props: GraphQLApiProps): HttpStage {
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    return this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttleRate, burstLimit: props.throttleBurst },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }

  /** GET and POST /graphql, and the playground's assets under it, to the function. */
  private routeTo(handler: GraphQLApiProps['handler']): void {
    const integration = new HttpLambdaIntegration('GraphQLIntegration', handler, {
      payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
    });
    const routes = [
      ...this.api.addRoutes({ path: '/graphql', methods: [HttpMethod.GET, HttpMethod.POST], integration }),
      // The playground's static assets, served by the same function.
      ...this.api.addRoutes({ path: '/graphql/{proxy+}', methods: [HttpMethod.GET], integration }),
      // The claims exports (CSV, Web Annotation JSON-LD), answered by the same function.
      ...this.api.addRoutes({ path: '/export/{proxy+}', methods: [HttpMethod.GET], integration }),
    ];
    for (const route of routes) {
      Validations.of(route).acknowledge(
        {
          id: 'AwsSolutions-APIG4',
          reason:
            'A public, read-only API over published analysis: no caller identity is needed; throttling and reserved concurrency bound abuse.',
        },
        {
          id: 'AwsSolutions-COG4',
          reason: 'No Cognito user pool: the API is public and read-only, anonymous access is the intent.',
        },
      );
    }
  }
}
