import { EKS_VERSIONS_AS_OF, EKS_VERSIONS_CALENDAR, EKS_VERSIONS_SOURCE, eksVersion } from '../../data/eks-versions.js';
import { PRICE_TABLE } from '../../data/pricing.js';
import { HOURS_PER_MONTH } from '../../cost/model.js';
import { defineRule } from '../rule.js';

const DAY_MS = 24 * 3600 * 1000;
/** Information this many days before standard support ends. */
const NOTICE_DAYS = 90;

/** What extended support adds a month: (total extended price - standard price) x 730 h, in us-east-1 (the price is the same in every region with a figure). */
function extraPerMonth(): string {
  const table = PRICE_TABLE.regions['us-east-1']!.catalogue;
  const extended = table['eks.clusterHour.extendedSupport']?.value;
  const standard = table['eks.clusterHour.standard']?.value;
  return extended !== undefined && standard !== undefined ? `$${Math.round((extended - standard) * HOURS_PER_MONTH)}` : 'more';
}

export default defineRule({
  meta: {
    id: 'eks/extended-support',
    category: 'eks',
    severity: 'warning',
    kind: 'pitfall',
    docs: {
      description: "An EKS cluster pinned to a Kubernetes version past (or near) the end of EKS's standard support.",
      rationale: `EKS supports a Kubernetes minor version for 14 months (standard support, $0.10 per cluster-hour), then for 12 more months in extended support at $0.60 per cluster-hour in total: six times the control-plane price, about ${extraPerMonth()} more a month per cluster. Extended support is on by default, so a pinned version quietly starts costing more; when it ends, EKS upgrades the cluster itself, and a new cluster cannot be created on the version at all.`,
      howToFix: 'Upgrade the cluster to a version in standard support (one minor version at a time), or plan the upgrade before the date in the message.',
      exceptions: `A cluster without \`Version\` (EKS uses its default, a current version), a version that is not static, and versions the calendar does not list (dates in src/core/data/eks-versions.ts, as of ${EKS_VERSIONS_AS_OF}). Information ${NOTICE_DAYS} days before standard support ends, a warning in extended support, an error once extended support has ended.`,
      examples: [
        {
          title: 'A cluster pinned to 1.30',
          bad: 'Resources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      Version: "1.30"\n      RoleArn: !GetAtt Role.Arn',
        },
      ],
      sources: [
        { title: 'Understand the Kubernetes version lifecycle on EKS', url: EKS_VERSIONS_SOURCE },
        { title: 'Amazon EKS release calendar (endoflife.date)', url: EKS_VERSIONS_CALENDAR },
        {
          title: 'Amazon EKS extended support pricing',
          url: 'https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/',
        },
      ],
    },
    messages: {
      soon: 'Kubernetes {{version}} leaves standard support on {{standard}} ({{days}} days): extended support then costs {{extra}} a month more for this cluster, until {{extended}}.',
      extended:
        'Kubernetes {{version}} left standard support on {{standard}}: this cluster is in extended support, {{extra}} a month more than standard, until {{extended}} (then EKS upgrades it).',
      ended: 'Kubernetes {{version}} left extended support on {{extended}}: EKS upgrades such clusters itself and no new cluster can be created on it.',
    },
  },
  create(ctx) {
    return {
      Template(model) {
        const now = ctx.config.now.getTime();
        for (const cluster of model.eksClusters) {
          const version = cluster.version?.value;
          const info = version ? eksVersion(version) : undefined;
          if (!info || !cluster.version) continue;
          const standardEnd = Date.parse(`${info.standardSupportEnds}T23:59:59Z`);
          const extendedEnd = Date.parse(`${info.extendedSupportEnds}T23:59:59Z`);
          const data = { version: info.version, standard: info.standardSupportEnds, extended: info.extendedSupportEnds, extra: extraPerMonth() };
          if (now > extendedEnd) ctx.report({ node: cluster, field: cluster.version, messageId: 'ended', data, severity: 'error' });
          else if (now > standardEnd) ctx.report({ node: cluster, field: cluster.version, messageId: 'extended', data });
          else if (standardEnd - now <= NOTICE_DAYS * DAY_MS)
            ctx.report({
              node: cluster,
              field: cluster.version,
              messageId: 'soon',
              data: { ...data, days: Math.ceil((standardEnd - now) / DAY_MS) },
              severity: 'info',
            });
        }
      },
    };
  },
});
