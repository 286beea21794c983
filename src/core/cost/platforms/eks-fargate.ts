/**
 * Amazon EKS on AWS Fargate: the workload's task as Kubernetes pods on Fargate, plus its share of the cluster fee.
 *
 * EKS on Fargate = the Fargate fleet of ecs-fargate.ts, each pod = the scenario's task with 256 MB added for the
 *   Kubernetes components and rounded up to a Fargate size (x86_64 on-demand prices: Fargate arm64 and Spot are
 *   ECS-only), the same per-task capacity and autoscaling, in private subnets (no public IPv4 per pod; the
 *   network's NAT gateways are counted), a load balancer as on the Fargate side (the AWS Load Balancer Controller
 *   provisions an ALB, priced the same)
 * + the cluster fee (standard or extended support, per cluster-hour) / the services sharing the cluster.
 */
import { EKS_FARGATE_FACTS, nearestFargateSize } from '../../data/limits.js';
import { type PriceBook } from '../price-book.js';
import { HOURS_PER_MONTH, type Scenario } from '../model.js';
import { ecsFargatePlatform, fargateCost, perTaskConcurrency, type FargateCost } from './ecs-fargate.js';
import { cataloguePrice, managedOptions, missingText, type CataloguePrice } from './fargate-like.js';
import { type Platform, type PlatformCurve } from './types.js';

export interface EksFargateCost extends FargateCost {
  /** The pod's billed size (the task + 256 MB, rounded up to a Fargate size). */
  pod: { vcpu: number; memoryGb: number };
  /** The workload's share of the cluster fee a month. */
  clusterFeeUsd: number;
  clusterHour: CataloguePrice;
  notes: string[];
}

/** The pod Fargate bills: the task's CPU and memory + the Kubernetes components' 256 MB, rounded up to a Fargate size. */
export function podSize(s: Scenario): { vcpu: number; memoryGb: number } {
  const size = nearestFargateSize(Math.ceil(s.fargate.vcpu * 1024), s.fargate.memoryGb * 1024 + EKS_FARGATE_FACTS.podOverheadMb.value);
  return { vcpu: size.cpuUnits / 1024, memoryGb: size.memoryMb / 1024 };
}

/** The scenario as EKS runs it on Fargate: x86_64 on-demand pods of the rounded size, in private subnets, serving what the task serves. */
function asPods(s: Scenario): Scenario {
  const pod = podSize(s);
  return {
    ...s,
    fargate: { ...s.fargate, ...pod, architecture: 'x86_64', spot: false, subnets: 'private', perTaskConcurrency: perTaskConcurrency(s.fargate) },
  };
}

/**
 * The workload's share of one EKS cluster's fee a month: the region's own cluster-hour price (standard or extended
 * support), else the figure AWS states without a region (said in a note), divided by the services sharing the cluster.
 */
export function eksClusterFee(s: Pick<Scenario, 'managed'>, prices: PriceBook): { usd: number; price: CataloguePrice; notes: string[] } {
  const { support, clustersSharedBy } = managedOptions(s).eks;
  const key = support === 'extended' ? 'eks.clusterHour.extendedSupport' : 'eks.clusterHour.standard';
  const own = cataloguePrice(prices, key);
  const notes: string[] = [];
  let price = own;
  if (own.usd === null) {
    const usd = prices.global(key);
    price = { key, usd, provenance: 'global' };
    notes.push(
      `EKS cluster fee: ${missingText(prices)}; AWS states $${usd.toFixed(2)} per cluster-hour without a region (prices.json global ${key}), used here.`,
    );
  }
  const shared = Math.max(1, clustersSharedBy);
  return { usd: (HOURS_PER_MONTH * (price.usd ?? 0)) / shared, price, notes };
}

/** What both EKS platforms assume of the cluster: its support tier and the services sharing its fee. */
export function eksClusterAssumption(s: Scenario): { name: string; value: string } {
  const { support, clustersSharedBy } = managedOptions(s).eks;
  const shared = Math.max(1, clustersSharedBy);
  const given = s.managed?.eks;
  return {
    name: 'EKS cluster fee',
    value:
      `${support} support (prices.json eks.clusterHour.${support === 'extended' ? 'extendedSupport' : 'standard'})${given?.support === undefined ? ' (default)' : ''}, ` +
      `shared by ${shared} service${shared === 1 ? '' : 's'}${given?.clustersSharedBy === undefined ? ' (default: a cluster of its own)' : ''}`,
  };
}

export function eksFargateCost(s: Scenario, prices: PriceBook): EksFargateCost {
  const pods = fargateCost(asPods(s), prices);
  const fee = eksClusterFee(s, prices);
  const notes = [...fee.notes];
  if (s.fargate.architecture === 'arm64') notes.push('EKS on Fargate runs x86_64 pods only (Fargate arm64 is ECS-only): the arm64 task is priced as x86_64.');
  if (s.fargate.spot) notes.push('Fargate Spot is ECS-only: EKS pods are priced on demand.');
  const pod = podSize(s);
  return {
    ...pods,
    platform: 'eks-fargate',
    monthlyUsd: pods.monthlyUsd + fee.usd,
    parts: [...pods.parts, { key: 'clusterFee', label: 'EKS cluster fee (share)', usd: fee.usd }],
    deployment: { ...pods.deployment, unit: `${pod.vcpu} vCPU / ${pod.memoryGb} GB x86_64 pod` },
    pod,
    clusterFeeUsd: fee.usd,
    clusterHour: fee.price,
    ...(fee.price.provenance === 'own' ? { catalogueKeys: [fee.price.key] } : {}),
    notes,
  };
}

function eksFargateCurve(s: Scenario, prices: PriceBook): PlatformCurve {
  const pods = ecsFargatePlatform.curve(asPods(s), prices);
  const fee = eksClusterFee(s, prices).usd;
  return {
    total: (r) => pods.total(r) + fee,
    bends: pods.bends,
    ...(pods.fleet ? { fleet: { ...pods.fleet, fixed: pods.fleet.fixed + fee } } : {}),
  };
}

export const eksFargatePlatform: Platform<EksFargateCost> = {
  id: 'eks-fargate',
  label: 'EKS on Fargate',
  cost: eksFargateCost,
  curve: eksFargateCurve,
  assumptions: (s) => {
    const pod = podSize(s);
    return [
      {
        name: 'Pod size',
        value: `${pod.vcpu} vCPU / ${pod.memoryGb} GB: the ${s.fargate.vcpu} vCPU / ${s.fargate.memoryGb} GB task + ${EKS_FARGATE_FACTS.podOverheadMb.value} MB for the Kubernetes components, rounded up to a Fargate size (${EKS_FARGATE_FACTS.podOverheadMb.url})`,
      },
      {
        name: 'Pods',
        value: 'x86_64 on demand (Fargate arm64 and Spot are ECS-only: prices.json facts eks.fargate.pricing); as many as the Fargate side runs tasks',
      },
      {
        name: 'Network',
        value:
          'pods in private subnets (no public IPv4 per pod; the network’s NAT gateways are counted); the AWS Load Balancer Controller’s ALB as on the Fargate side',
      },
      eksClusterAssumption(s),
    ];
  },
};
