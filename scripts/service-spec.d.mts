// Types of scripts/service-spec.mjs, for the tests that import it.
import { type Plugin } from 'esbuild';

export const FULL_SERVICE_SPEC: string;
export function reduceServiceSpec(full: unknown): { idCtr: number; schema: { resource: { type: 'entities'; entities: ReducedResource[] } } };
export function reducedServiceSpecGz(fullGz?: Buffer): Buffer;
export const serviceSpecBeside: Plugin;

export interface ReducedResource {
  $id: string;
  cloudFormationType: string;
  scrutinizable?: string;
  properties: Record<string, { causesReplacement?: string; scrutinizable?: string }>;
}
