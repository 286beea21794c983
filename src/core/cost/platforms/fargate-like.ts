/**
 * What the Fargate-like platforms share (EKS on Fargate, ECS Express Mode, App Runner, Fargate Spot): their options'
 * defaults, and a region's own catalogue price or a sentence saying it has none.
 */
import { APP_RUNNER_FACTS, EKS_FARGATE_FACTS } from '../../data/limits.js';
import { type PriceBook } from '../price-book.js';
import { type ManagedOptions, type Scenario } from '../model.js';
import { cataloguePrice as regionCataloguePrice } from './ec2-capacity.js';
import { type CostPart } from './types.js';

/** The options EKS on Fargate and App Runner assume when a scenario gives none (sources in src/core/data/limits.ts). */
export function defaultManagedOptions(): ManagedOptions {
  return {
    eks: { clustersSharedBy: EKS_FARGATE_FACTS.defaultClustersSharedBy.value, support: 'standard' },
    appRunner: {
      concurrencyPerInstance: APP_RUNNER_FACTS.defaultConcurrencyPerInstance.value,
      minInstances: APP_RUNNER_FACTS.defaultMinInstances.value,
      maxInstances: null,
    },
  };
}

/** The scenario's options, each part falling back to its default. */
export function managedOptions(s: Pick<Scenario, 'managed'>): ManagedOptions {
  const d = defaultManagedOptions();
  return { eks: { ...d.eks, ...s.managed?.eks }, appRunner: { ...d.appRunner, ...s.managed?.appRunner } };
}

/** A catalogue price the estimate read: its figure and where it comes from, or null when the region has none. */
export interface CataloguePrice {
  key: string;
  usd: number | null;
  /** "own" (the region's figure), "global" (a figure AWS states without a region), or "missing". */
  provenance: 'own' | 'global' | 'missing';
  date?: string;
  sources?: string[];
}

/** A region's own catalogue figure for `key`, or a `missing` entry (never another region's figure). */
export function cataloguePrice(prices: PriceBook, key: string): CataloguePrice {
  const own = regionCataloguePrice(prices, key);
  return own ? { key, usd: own.usd, provenance: 'own', date: own.date, sources: own.sources } : { key, usd: null, provenance: 'missing' };
}

/** "no eu-central-1 price in the sources": said wherever a part could not be priced. */
export const missingText = (prices: PriceBook): string => `no ${prices.region} price in the sources`;

/** The notes for catalogue prices the region lacks (one per key). */
export function missingNotes(label: string, used: readonly CataloguePrice[], prices: PriceBook): string[] {
  return used
    .filter((p) => p.provenance === 'missing')
    .map((p) => `${label}: ${p.key} has ${missingText(prices)}; that part is left out, so the figure is incomplete.`);
}

/** Parts relabelled for another platform's breakdown (a part that could not be priced says so in its label). */
export const labelMissing = (part: CostPart, missing: boolean, prices: PriceBook): CostPart =>
  missing ? { ...part, label: `${part.label} (${missingText(prices)})` } : part;
