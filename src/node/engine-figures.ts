/**
 * (Node hosts.) A file's workspace figures (core's FileFigures), computed where it was analysed: in the engine thread
 * for the workspace scan's files, so the extension host keeps a few numbers per workload instead of estimating every
 * file itself. Only under the cost inputs the request was made with; otherwise none, and the host computes them.
 */
import { type AnalysisResult, NO_USAGE_FILE, fileFigureSteps, type Pause, templateCostSteps, type UsageFile } from '../core/index.js';
import { type CostInputs, type CostRequest, type EngineFigures } from './engine-protocol.js';

/** The latest cost inputs the host sent, with its usage files by key. */
export class HeldCostInputs {
  private inputs: CostInputs | undefined;
  private usage = new Map<string, UsageFile>();

  set(inputs: CostInputs): void {
    this.inputs = inputs;
    this.usage = new Map(inputs.usage);
  }

  get version(): number | undefined {
    return this.inputs?.version;
  }

  /**
   * The figures of an analysed file, a workload a step (`pause` between steps; a cancelled token stops them), or
   * undefined when none were asked for, the file has no model, or the inputs are not the ones asked under.
   */
  async figuresFor(
    result: AnalysisResult,
    request: CostRequest | undefined,
    token: { readonly isCancellationRequested: boolean },
    pause: Pause,
  ): Promise<EngineFigures | undefined> {
    const inputs = this.inputs;
    if (!request || !inputs || inputs.version !== request.version || !result.model || result.cancelled) return undefined;
    const errors: EngineFigures['errors'] = [];
    const usage = this.usage.get(request.usageKey) ?? NO_USAGE_FILE;
    const model = result.model;
    // The estimates, then the figures of them, one run of steps.
    const steps = (function* () {
      const costs = yield* templateCostSteps(model, request.templatePath, usage, inputs.settings, (id, error) =>
        errors.push({ id, message: error instanceof Error ? error.message : String(error) }),
      );
      return yield* fileFigureSteps(costs, { summaries: request.summaries === true });
    })();
    let step = steps.next();
    while (!step.done) {
      await pause();
      if (token.isCancellationRequested) return undefined;
      step = steps.next();
    }
    return { version: inputs.version, figures: step.value, errors };
  }
}
