/**
 * Amazon ECS on Fargate Spot: the Fargate fleet of ecs-fargate.ts with every task on Spot capacity (the Spot vCPU
 * and GB prices); everything else as on Fargate. Spot tasks can be stopped with two minutes' notice when AWS needs
 * the capacity back, so it suits interruptible work only.
 */
import { FARGATE_SPOT_FACTS } from '../../data/limits.js';
import { type Scenario } from '../model.js';
import { ecsFargatePlatform, fargateCost, type FargateCost } from './ecs-fargate.js';
import { type Platform } from './types.js';

/** The scenario with its tasks on Spot. */
const onSpot = (s: Scenario): Scenario => ({ ...s, fargate: { ...s.fargate, spot: true } });

export const ecsFargateSpotPlatform: Platform<FargateCost> = {
  id: 'ecs-fargate-spot',
  label: 'Fargate Spot',
  cost: (s, prices) => ({ ...fargateCost(onSpot(s), prices), platform: 'ecs-fargate-spot' }),
  curve: (s, prices) => ecsFargatePlatform.curve(onSpot(s), prices),
  assumptions: () => [
    {
      name: 'Interruptions',
      value: `Spot tasks can be stopped with ${FARGATE_SPOT_FACTS.interruptionNoticeSeconds.value / 60} minutes' notice when AWS needs the capacity back (${FARGATE_SPOT_FACTS.interruptionNoticeSeconds.url}): for interruptible work only (stateless, retried or queue-driven), not a service that must keep every task`,
    },
    { name: 'Spot prices', value: 'Fargate Spot vCPU and GB prices float; the figures are a dated snapshot (prices.json fargate.spot.*)' },
  ],
};
