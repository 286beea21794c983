import { defineRule } from '../rule.js';

/** AWS App Runner's availability change (facts-2026-11.md, "Platforms beyond Lambda and Fargate"). */
const CLOSED_SINCE = '2026-04-30';

export default defineRule({
  meta: {
    id: 'app-runner/closed-to-new-customers',
    category: 'app-runner',
    severity: 'info',
    kind: 'suggestion',
    docs: {
      description: 'An App Runner service: App Runner is closed to new customers and gets no new features.',
      rationale:
        'AWS App Runner stopped accepting new customers on 2026-04-30. Existing customers keep full use, including creating services, and AWS keeps it secure and available, but plans no new features and announces no end date. An account that has never used App Runner cannot deploy this template. AWS recommends Amazon ECS Express Mode instead: one call creates an ECS service on Fargate behind an Application Load Balancer with auto scaling, at no charge beyond Fargate, the load balancer and networking.',
      howToFix:
        'If the account is an existing App Runner customer, nothing is required. For a new account or a new service, move it to ECS Express Mode (or an ECS service on Fargate with an ALB and auto scaling); the comparison view prices it as Fargate with an ALB.',
      exceptions: 'None: the finding is information, to be switched off (`crossover.rules`) where App Runner is a deliberate choice.',
      examples: [
        {
          title: 'An App Runner service',
          bad: 'Resources:\n  Web:\n    Type: AWS::AppRunner::Service\n    Properties:\n      SourceConfiguration:\n        ImageRepository:\n          ImageIdentifier: public.ecr.aws/nginx/nginx:latest\n          ImageRepositoryType: ECR_PUBLIC',
        },
      ],
      sources: [
        { title: 'AWS App Runner availability change', url: 'https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html' },
        { title: 'aws/apprunner-roadmap: Retirement Notice (2026-03-31)', url: 'https://github.com/aws/apprunner-roadmap/pull/284' },
      ],
    },
    messages: {
      closed: `App Runner has not accepted new customers since ${CLOSED_SINCE} and gets no new features: existing customers keep it, a new account cannot deploy {{id}}. AWS recommends ECS Express Mode (Fargate behind an ALB with auto scaling, no extra charge).`,
    },
  },
  create(ctx) {
    return {
      Template(model) {
        for (const service of model.appRunnerServices) ctx.report({ node: service, messageId: 'closed', data: { id: service.id } });
      },
    };
  },
});
