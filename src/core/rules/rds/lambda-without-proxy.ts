import { type Database, type DbProxy, type LambdaFunction, type ResourceLink } from '../../model/nodes.js';
import { type TemplateModel } from '../../model/template.js';
import { defineRule } from '../rule.js';

/** GetAtt attributes that mean "connect to this database" (rather than refer to it in a policy). */
const CONNECTION_ATTRIBUTE = /^(Read)?Endpoint(\.|$)|^MasterUserSecret\./;

export default defineRule({
  meta: {
    id: 'rds/lambda-without-proxy',
    category: 'rds',
    severity: 'warning',
    kind: 'pitfall',
    docs: {
      description: 'A Lambda function in a VPC that connects to an RDS or Aurora database directly instead of through RDS Proxy.',
      rationale:
        "Every Lambda execution environment opens its own database connections, and concurrency can jump by 1,000 environments every 10 seconds. A burst of traffic then exhausts `max_connections`, and the database refuses everyone, including other services. RDS Proxy pools and reuses connections (and fails over faster); Aurora's Data API avoids connections altogether.",
      howToFix:
        'Add an `AWS::RDS::DBProxy` with a target group for the database and point the function at the proxy endpoint (`!GetAtt Proxy.Endpoint`), or use the Aurora Data API (`EnableHttpEndpoint: true`) with the `rds-data` client. Reserved concurrency can also cap the number of connections.',
      exceptions:
        'Silent for functions outside a VPC, databases referred to only by ARN or identifier (policies), Aurora clusters with the Data API enabled when the function does not read the endpoint, and functions that read a proxy in front of that database.',
      examples: [
        {
          title: 'The database endpoint in an environment variable',
          bad: 'Reports:\n  Type: AWS::Serverless::Function\n  Properties:\n    VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}\n    Environment:\n      Variables:\n        DB_HOST: !GetAtt Db.Endpoint.Address\n',
          good: 'Reports:\n  Type: AWS::Serverless::Function\n  Properties:\n    VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}\n    Environment:\n      Variables:\n        DB_HOST: !GetAtt DbProxy.Endpoint\n',
        },
      ],
      sources: [
        { title: 'Using Amazon RDS Proxy with Lambda', url: 'https://docs.aws.amazon.com/lambda/latest/dg/services-rds.html' },
        { title: 'Lambda scaling behavior', url: 'https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html' },
      ],
    },
    messages: {
      noProxy:
        '{{function}} runs in a VPC and connects to {{database}} directly, without RDS Proxy: under concurrency each execution environment opens its own connections and can exhaust the database.',
      bypassesProxy:
        '{{function}} connects to {{database}} directly although RDS Proxy {{proxy}} fronts it: point the function at the proxy endpoint so connections are pooled.',
    },
  },
  create(ctx) {
    let proxiesByDatabase: Map<string, DbProxy[]> | undefined;
    return {
      LambdaFunction(fn) {
        if (!fn.vpc?.attached) return;
        proxiesByDatabase ??= proxiesOf(ctx.model.dbProxies);
        const reported = new Set<string>();
        for (const link of fn.links) {
          const db = databaseOf(link, ctx.model);
          if (!db || reported.has(db.id) || !CONNECTION_ATTRIBUTE.test(link.attribute ?? '')) continue;
          const proxies = proxiesByDatabase.get(db.id) ?? [];
          if (proxies.some((p) => readsProxy(fn, p))) continue;
          reported.add(db.id);
          const proxy = proxies[0];
          ctx.report({
            node: fn,
            loc: link.at,
            messageId: proxy ? 'bypassesProxy' : 'noProxy',
            data: { function: fn.id, database: db.id, proxy: proxy?.id ?? '' },
            related: [{ loc: db.loc, message: `${db.id} (${db.type})` }, ...(proxy ? [{ loc: proxy.loc, message: `RDS Proxy ${proxy.id}` }] : [])],
          });
        }
      },
    };
  },
});

function databaseOf(link: ResourceLink, model: TemplateModel): Database | undefined {
  const node = model.byId.get(link.targetId);
  return node && (node.kind === 'rds-instance' || node.kind === 'rds-cluster') ? node : undefined;
}

/** Per database id, the proxies in front of it (in the template's order). */
function proxiesOf(proxies: readonly DbProxy[]): Map<string, DbProxy[]> {
  const byDatabase = new Map<string, DbProxy[]>();
  for (const proxy of proxies) {
    for (const id of new Set(proxy.targetIds)) {
      const list = byDatabase.get(id);
      if (list) list.push(proxy);
      else byDatabase.set(id, [proxy]);
    }
  }
  return byDatabase;
}

function readsProxy(fn: LambdaFunction, proxy: DbProxy): boolean {
  return fn.links.some((l) => l.targetId === proxy.id || proxy.endpointIds.includes(l.targetId));
}
