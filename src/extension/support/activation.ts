/**
 * package.json `activationEvents`: the input formats' (src/core/formats.ts), then the usage file and the
 * webview panels that VS Code restores. `npm run manifest` writes them; test/meta/formats.test.ts fails
 * when package.json disagrees.
 */
import { formatActivationEvents } from '../../core/index.js';

/** Besides the formats: a usage file marks a workspace Crossover costs; restored panels need Crossover. */
export const OTHER_ACTIVATION_EVENTS: readonly string[] = [
  'workspaceContains:crossover.usage.{yml,yaml,json}',
  'onWebviewPanel:crossover.compare',
  'onWebviewPanel:crossover.summary',
];

export function manifestActivationEvents(): string[] {
  return [...new Set([...formatActivationEvents(), ...OTHER_ACTIVATION_EVENTS])];
}
