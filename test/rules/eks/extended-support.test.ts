import rule from '../../../src/core/rules/eks/extended-support.js';
import { testRule } from '../rule-tester.js';

const cluster = (version: string) =>
  `Resources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      Version: ${version}\n      RoleArn: arn:aws:iam::123456789012:role/eks\n`;

// Each case pins today at 2026-11-30 (the rule tester's own clock is 2026-11-24).
testRule(rule, {
  valid: [
    { name: 'a version in standard support (1.35 until 2027-03-27)', template: cluster('"1.35"'), config: { now: new Date('2026-11-30T00:00:00Z') } },
    { name: 'no Version: EKS picks a current one', template: 'Resources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: r\n' },
    { name: 'a version the calendar does not list', template: cluster('"1.99"'), config: { now: new Date('2026-11-30T00:00:00Z') } },
  ],
  invalid: [
    {
      name: '1.32 in extended support on 2026-11-30: a warning with the $365 a month it adds',
      template: cluster('«"1.32"»'),
      config: { now: new Date('2026-11-30T00:00:00Z') },
      errors: [
        {
          messageId: 'extended',
          severity: 'warning',
          message: 'Kubernetes 1.32 left standard support on 2026-03-23: this cluster is in extended support, $365 a month more',
        },
      ],
    },
    {
      name: '1.34 leaves standard support on 2026-12-02: information three days before',
      template: cluster('«"1.34"»'),
      config: { now: new Date('2026-11-30T00:00:00Z') },
      errors: [{ messageId: 'soon', severity: 'info', message: 'Kubernetes 1.34 leaves standard support on 2026-12-02 (3 days)' }],
    },
    {
      name: '1.29 past extended support: an error',
      template: cluster('«"1.29"»'),
      config: { now: new Date('2026-11-30T00:00:00Z') },
      errors: [{ messageId: 'ended', severity: 'error' }],
    },
  ],
});
