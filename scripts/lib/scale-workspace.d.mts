// Types of scale-workspace.mjs, for the tests and the real-editor suite that import it.
export interface ScaleCounts {
  /** Files outside node_modules (20,000 at scale 1). */
  total: number;
  /** Files inside node_modules (50,000 at scale 1). */
  nodeModules: number;
  /** Files of each kind (templates, configs, noise); `terraformFolders` counts folders, not files. */
  kinds: Record<string, number>;
  /** What `crossover check` lists, by format: sam, cloudformation, serverless, ecs-task-definition, cdk, terraform. */
  formats: Record<string, number>;
}
export const TOTAL: number;
export const NODE_MODULES: number;
export function scaleWorkspaceFiles(scale?: number): { files: [string, string | Uint8Array][]; counts: ScaleCounts };
export function writeScaleWorkspace(dir: string, scale?: number): { counts: ScaleCounts };
