import { API_GATEWAY_LIMITS } from '../../data/limits.js';
import { type Fix } from '../../findings.js';
import { cdkDurationFix, setFunctionSetting, type SetFix } from '../../fixes.js';
import { isLiteral } from '../../model/field.js';
import { type EventSource, type LambdaFunction } from '../../model/nodes.js';
import { type TemplateModel } from '../../model/template.js';
import { defineRule } from '../rule.js';

type Front = 'rest' | 'http' | 'websocket';

interface Ceiling {
  event: EventSource;
  front: Front;
  limit: number;
  /** The limit is the integration's own TimeoutInMillis rather than the service ceiling. */
  explicit: boolean;
  /** REST only: can the account raise it (regional/private) or not (edge-optimized)? */
  raisable: boolean | undefined;
  apiName: string;
  /** An explicit TimeoutInMillis above what an edge-optimized API allows (so the 29 s ceiling applies instead). */
  edgeOverLimit?: { ms: number; field: NonNullable<EventSource['integrationTimeoutMs']> };
}

const FRONT: Partial<Record<EventSource['kind'], Front>> = { api: 'rest', 'http-api': 'http', websocket: 'websocket' };

/** An edge-optimized REST API cannot exceed the default 29 s: no quota raises it. */
const EDGE_LIMIT_SECONDS = API_GATEWAY_LIMITS.restIntegrationTimeoutSeconds.value;

export default defineRule({
  meta: {
    id: 'lambda/api-gateway-timeout',
    category: 'lambda',
    severity: 'warning',
    kind: 'pitfall',
    fixable: true,
    docs: {
      description:
        'A function behind API Gateway whose timeout is longer than the API can wait (29 s REST and WebSocket, 30 s HTTP API, or the integration timeout you set).',
      rationale:
        'API Gateway stops waiting at its integration timeout and returns 504 to the caller, but Lambda keeps running the function to its own timeout, and bills for it. Retries by the client then multiply the load. A function timeout longer than the gateway can wait only hides slow requests.\n\nSince June 2024, regional and private REST APIs can raise the 29 s limit with a Service Quotas request ("Maximum integration timeout in milliseconds"); edge-optimized REST APIs, HTTP APIs (30 s) and WebSocket APIs (29 s) cannot.',
      howToFix:
        'Set the function timeout at or below the gateway limit and make slow work asynchronous (return 202 and process through SQS or Step Functions), or, for a regional REST API whose quota you raised, set the new limit in `crossover.limits.restApiIntegrationTimeoutSeconds` and `TimeoutInMillis` on the integration. The quick fix lowers the timeout where it is written; for a timeout from SAM `Globals`, in Globals when every function that inherits it is over the limit of its API, else on this function alone (its title says which).',
      exceptions:
        'Silent for functions only invoked asynchronously or by polling (queues, streams, schedules), at exactly the limit, and when the timeout is not static. An explicit `TimeoutInMillis` on the integration is used as the limit instead of the default, except on an edge-optimized REST API (the default for SAM, CloudFormation and the Serverless Framework when no endpoint type is given): there a `TimeoutInMillis` above 29,000 is itself an error, and the limit stays 29 s whatever `crossover.limits.restApiIntegrationTimeoutSeconds` says.',
      examples: [
        {
          title: 'A 60-second function behind a REST API',
          bad: 'GetOrder:\n  Type: AWS::Serverless::Function\n  Properties:\n    Timeout: 60\n    Events:\n      Get:\n        Type: Api\n        Properties: {Path: /orders/{id}, Method: get}\n',
          good: 'GetOrder:\n  Type: AWS::Serverless::Function\n  Properties:\n    Timeout: 29\n    Events:\n      Get:\n        Type: Api\n        Properties: {Path: /orders/{id}, Method: get}\n',
        },
      ],
      settings: [
        {
          name: 'crossover.limits.restApiIntegrationTimeoutSeconds',
          description:
            'The REST API integration timeout to check against (default 29; raise it when your regional or private API has a higher quota; edge-optimized APIs stay at 29). CLI: --rest-api-timeout.',
        },
      ],
      sources: [
        { title: "API Gateway integration timeout above 29 seconds (What's New, 2024-06-04)", url: API_GATEWAY_LIMITS.restIntegrationTimeoutSeconds.url },
        { title: 'HTTP API quotas', url: API_GATEWAY_LIMITS.httpIntegrationTimeoutSeconds.url },
        { title: 'WebSocket API quotas', url: API_GATEWAY_LIMITS.websocketIntegrationTimeoutSeconds.url },
      ],
    },
    messages: {
      rest: 'Timeout {{timeout}} s is above the {{limit}} s integration timeout of REST API {{api}}: callers get a 504 while the function keeps running and billing. {{raise}}',
      http: 'Timeout {{timeout}} s is above the {{limit}} s integration timeout of HTTP API {{api}} (it cannot be raised): callers get a 504 while the function keeps running and billing.',
      websocket:
        'Timeout {{timeout}} s is above the {{limit}} s integration timeout of WebSocket API {{api}} (it cannot be raised): the route fails while the function keeps running and billing.',
      integration:
        'Timeout {{timeout}} s is above the {{limit}} s TimeoutInMillis of its API integration: callers get a 504 while the function keeps running and billing.',
      edgeIntegration:
        'TimeoutInMillis {{ms}} is above the {{limit}} ms an edge-optimized REST API allows ({{api}}); only regional and private REST APIs can go beyond 29 s. Lower it, or make the API regional.',
    },
  },
  create(ctx) {
    return {
      LambdaFunction(fn) {
        const ceilings = fn.events.flatMap((event) => ceilingOf(event, ctx.model, ctx.config.limits.restApiIntegrationTimeoutSeconds) ?? []);
        // An edge-optimized API cannot wait longer than 29 s: a TimeoutInMillis above that is refused, whatever the function.
        for (const { edgeOverLimit, apiName, event } of ceilings) {
          if (!edgeOverLimit) continue;
          const limitMs = EDGE_LIMIT_SECONDS * 1000;
          const { field, ms } = edgeOverLimit;
          ctx.report({
            node: fn,
            field,
            messageId: 'edgeIntegration',
            severity: 'error',
            data: { ms, limit: limitMs, api: apiName },
            related: [{ loc: event.loc, message: `${event.sourceType} event ${event.name} of ${fn.id}` }],
            ...(isLiteral(field) && field.at
              ? {
                  fix: {
                    title: `Set ${ctx.model.format === 'terraform' ? 'timeout_milliseconds' : 'TimeoutInMillis'} to ${limitMs}`,
                    edits: [{ range: field.at.range, newText: String(limitMs) }],
                  },
                }
              : {}),
          });
        }
        const timeout = fn.timeoutSeconds.value;
        if (timeout === undefined) return;
        const exceeded = ceilings.filter((c) => timeout > c.limit).sort((a, b) => a.limit - b.limit);
        const strictest = exceeded[0];
        if (!strictest) return;
        const raise =
          strictest.raisable === false
            ? 'This API is edge-optimized, so the limit cannot be raised; a regional or private REST API can raise it with a Service Quotas request.'
            : 'A regional or private REST API can raise it with a Service Quotas request; then set crossover.limits.restApiIntegrationTimeoutSeconds.';
        ctx.report({
          node: fn,
          field: fn.timeoutSeconds,
          messageId: strictest.explicit ? 'integration' : strictest.front,
          data: { timeout, limit: strictest.limit, api: strictest.apiName, raise },
          related: exceeded.map((c) => ({ loc: c.event.loc, message: `Invoked synchronously by ${c.event.sourceType} event ${c.event.name}` })),
          ...fixTimeout(ctx.model, fn, strictest.limit, ctx.config.limits.restApiIntegrationTimeoutSeconds),
        });
      },
    };
  },
});

function ceilingOf(event: EventSource, model: TemplateModel, restLimit: number): Ceiling | undefined {
  const front = FRONT[event.kind];
  if (!front || event.invocation !== 'sync') return undefined;
  const api = event.targetId ? model.byId.get(event.targetId) : undefined;
  const apiName = event.targetId ?? 'of this function';
  const endpoint = api?.kind === 'api-gateway' ? api.endpointType?.value : undefined;
  const raisable = front === 'rest' ? (endpoint === undefined ? undefined : endpoint !== 'EDGE') : false;
  const edge = front === 'rest' && endpoint === 'EDGE';
  const explicitMs = event.integrationTimeoutMs?.value;
  if (explicitMs !== undefined && edge && explicitMs > EDGE_LIMIT_SECONDS * 1000) {
    return {
      event,
      front,
      limit: EDGE_LIMIT_SECONDS,
      explicit: false,
      raisable,
      apiName,
      edgeOverLimit: { ms: explicitMs, field: event.integrationTimeoutMs! },
    };
  }
  if (explicitMs !== undefined) return { event, front, limit: explicitMs / 1000, explicit: true, raisable, apiName };
  const limit =
    front === 'rest'
      ? edge
        ? Math.min(restLimit, EDGE_LIMIT_SECONDS)
        : restLimit
      : front === 'http'
        ? API_GATEWAY_LIMITS.httpIntegrationTimeoutSeconds.value
        : API_GATEWAY_LIMITS.websocketIntegrationTimeoutSeconds.value;
  return { event, front, limit, explicit: false, raisable, apiName };
}

/**
 * Lowering the timeout to the limit: a literal on the function is a one-value edit. A literal in SAM Globals is lowered
 * there when every function that inherits it is over its own API's limit (to the strictest of them); otherwise this
 * function gets its own Timeout and Globals keeps its value for the others. Values through intrinsics are left alone.
 */
function fixTimeout(model: TemplateModel, fn: LambdaFunction, limit: number, restLimit: number): { fix?: Fix | SetFix } {
  const field = fn.timeoutSeconds;
  const at = field.at;
  if (!Number.isInteger(limit)) return {};
  // Named as the file names it: `timeout` in Terraform.
  if (isLiteral(field) && at)
    return {
      fix: { title: `Set ${model.format === 'terraform' ? 'timeout' : 'Timeout'} to ${limit} s`, edits: [{ range: at.range, newText: String(limit) }] },
    };
  if (model.format === 'cdk') {
    const fix = cdkDurationFix(field, limit, `Set Timeout to ${limit} s`);
    return fix ? { fix } : {};
  }
  if (field.origin !== 'globals' || model.format !== 'sam' || field.via !== undefined || field.value === undefined || !at) return {};
  const heirs = model.functions.filter((f) => f.timeoutSeconds.origin === 'globals');
  const limits = heirs.map((f) => strictestLimit(f, model, restLimit));
  if (limits.every((l): l is number => l !== undefined && Number.isInteger(l))) {
    const lowest = Math.min(...limits);
    const fix = setFunctionSetting(
      model,
      fn,
      field,
      { template: ['Timeout'], serverless: ['timeout'] },
      lowest,
      `Set Timeout to ${lowest} s in Globals (for ${names(heirs)}, which inherit it)`,
    );
    return fix ? { fix } : {};
  }
  const others = heirs.filter((f, i) => f !== fn && limits[i] === undefined);
  return {
    fix: {
      title: `Set Timeout to ${limit} s on ${fn.id} (Globals keeps ${field.value} s for ${names(others)})`,
      set: { path: [...fn.loc.path, 'Properties'], keys: ['Timeout'], value: limit },
    },
  };
}

/** The lowest API limit a function's timeout is over, if any. */
function strictestLimit(fn: LambdaFunction, model: TemplateModel, restLimit: number): number | undefined {
  const timeout = fn.timeoutSeconds.value;
  if (timeout === undefined) return undefined;
  const over = fn.events.flatMap((event) => ceilingOf(event, model, restLimit) ?? []).filter((c) => timeout > c.limit);
  return over.length ? Math.min(...over.map((c) => c.limit)) : undefined;
}

/** "A", "A and B", "A, B and 3 more". */
function names(functions: readonly LambdaFunction[]): string {
  const ids = functions.map((f) => f.id);
  if (ids.length <= 1) return ids.join('');
  if (ids.length <= 3) return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
  return `${ids.slice(0, 2).join(', ')} and ${ids.length - 2} more`;
}
