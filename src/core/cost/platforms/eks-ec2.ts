/**
 * Amazon EKS on EC2 nodes: the workload's pods (the Fargate side's task as the pod's requests) packed onto nodes as
 * for ECS on EC2, with what Kubernetes keeps on each node (the EKS-optimized AMI's kube-reserved CPU and memory, the
 * eviction threshold, the DaemonSets' requests, the VPC CNI's pod limit), plus the cluster fee.
 *
 * EKS on EC2 = the nodes (ECS on EC2's formula) + 730 h x the cluster-hour price (standard or extended support)
 *            / the services sharing the cluster.
 */
import { EC2_CAPACITY_FACTS } from '../../data/limits.js';
import { type PriceBook } from '../price-book.js';
import { type Scenario } from '../model.js';
import { cataloguePrice, ec2Options, eksPacking, type CataloguePrice } from './ec2-capacity.js';
import { nodesAssumptions, nodesCost, nodesCurve, pricesFor, type NodesCost, type NodesVariant } from './ecs-ec2.js';
import { type CostPart, type Platform } from './types.js';
import { eksClusterAssumption, eksClusterFee } from './eks-fargate.js';
import { managedOptions } from './fargate-like.js';

/** The workload's share of the cluster fee, as a part (the one computation of it: eksClusterFee). */
function clusterFee(s: Scenario, prices: PriceBook): { part: CostPart; catalogue?: CataloguePrice; notes: string[] } {
  const fee = eksClusterFee(s, prices);
  const shared = Math.max(1, managedOptions(s).eks.clustersSharedBy);
  const own = fee.price.provenance === 'own' ? cataloguePrice(prices, fee.price.key) : undefined;
  return {
    part: { key: 'cluster', label: shared > 1 ? `EKS cluster (1/${shared} share)` : 'EKS cluster', usd: fee.usd },
    ...(own ? { catalogue: own } : {}),
    notes: fee.notes,
  };
}

const EKS_VARIANT: NodesVariant = { platform: 'eks-ec2', unitWord: 'pod', packing: eksPacking, fixedCharge: clusterFee };

export const eksEc2Cost = (s: Scenario, prices: PriceBook): NodesCost => nodesCost(s, prices, EKS_VARIANT);

export const eksEc2Platform: Platform<NodesCost> = {
  id: 'eks-ec2',
  label: 'EKS on EC2',
  cost: eksEc2Cost,
  curve: (s, prices) => nodesCurve(s, prices, EKS_VARIANT),
  assumptions: (s) => {
    const o = ec2Options(s);
    const f = EC2_CAPACITY_FACTS;
    return [
      ...nodesAssumptions(
        s,
        pricesFor(s),
        EKS_VARIANT,
        `each node keeps kube-reserved memory of ${f.eksKubeReservedMemoryPerPodMib.value} MiB x its pod limit + ${f.eksKubeReservedMemoryBaseMib.value} MiB and ${f.eksEvictionMemoryMib.value} MiB for eviction, kube-reserved CPU (EKS-optimized AMI), ${o.eksDaemonSetVcpu} vCPU for the DaemonSets (kube-proxy, VPC CNI: an assumption), and at most its VPC CNI pod limit`,
      ),
      eksClusterAssumption(s),
    ];
  },
};
