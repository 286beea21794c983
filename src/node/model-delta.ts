/**
 * (Node hosts.) Sending a document's resource model to the extension host again after each keystroke costs the host
 * the deserialisation of all of it (about 1.5 MB for a 5,000-line template, ~50 ms on a busy machine). The engine
 * thread sends instead, for each resource node whose content is the same as in the model the host already holds for
 * that document, a placeholder with its id; the host puts its own node back in its place. A node that changed,
 * moved (its places are part of its content) or is new is sent whole. Only for the documents being typed in, a few
 * at a time.
 */
import { NODE_LISTS, type TemplateModel } from '../core/index.js';

/** What stands for a node the host already has. */
interface Reused {
  crossoverReused: string;
}

type Node = { id: string };

const isReused = (value: unknown): value is Reused => typeof value === 'object' && value !== null && 'crossoverReused' in value;

/** The documents whose last model is remembered (open editors being typed in). */
const REMEMBERED = 16;

/** The model with `replace` applied to every node of its lists and of `byId` (one call per node object). */
function mapNodes(model: TemplateModel, replace: (node: unknown) => unknown): TemplateModel {
  const replaced = new Map<unknown, unknown>();
  const once = (node: unknown) => {
    if (!replaced.has(node)) replaced.set(node, replace(node));
    return replaced.get(node);
  };
  const out: Record<string, unknown> = { ...model, byId: new Map([...model.byId].map(([id, node]) => [id, once(node)])) };
  for (const list of NODE_LISTS) out[list] = model[list].map(once);
  return out as unknown as TemplateModel;
}

/** The engine thread's side: remembers, per document, the content of each node of the last model sent. */
export class DeltaSender {
  private readonly sent = new Map<string, { id: number; nodes: Map<string, string> }>();

  /**
   * The model to send as the answer `id` for `uri`: against the answer `base` the host holds, when it is the last one
   * sent for that document; else whole. `base` is what the host must rebuild it with (undefined: nothing to rebuild).
   */
  send(uri: string, id: number, base: number | undefined, model: TemplateModel): { model: TemplateModel; base?: number } {
    const last = this.sent.get(uri);
    const usable = base !== undefined && last?.id === base ? last.nodes : undefined;
    const nodes = new Map<string, string>();
    let reused = 0;
    const delta = mapNodes(model, (node) => {
      const id = (node as Node).id;
      if (typeof id !== 'string') return node;
      const content = JSON.stringify(node);
      nodes.set(id, content);
      if (usable?.get(id) !== content) return node;
      reused++;
      return { crossoverReused: id } satisfies Reused;
    });
    this.sent.delete(uri);
    this.sent.set(uri, { id, nodes });
    if (this.sent.size > REMEMBERED) this.sent.delete(this.sent.keys().next().value!);
    return reused ? { model: delta, base: base! } : { model };
  }

  /** Forgets a document (its answer was not a model). */
  forget(uri: string): void {
    this.sent.delete(uri);
  }
}

/** The host's side: the last model received per document, to rebuild the next one from. */
export class DeltaReceiver {
  private readonly held = new Map<string, { id: number; model: TemplateModel }>();

  /** The answer the thread may send the next model of `uri` against. */
  baseFor(uri: string): number | undefined {
    return this.held.get(uri)?.id;
  }

  /**
   * The whole model of answer `id`: placeholders replaced by the nodes of the model of answer `base`. Undefined when
   * that model is not held any more (the caller asks again for the whole model).
   */
  receive(uri: string, id: number, base: number | undefined, model: TemplateModel): TemplateModel | undefined {
    let whole = model;
    if (base !== undefined) {
      const held = this.held.get(uri);
      if (held?.id !== base) return undefined;
      let missing = false;
      whole = mapNodes(model, (node) => {
        if (!isReused(node)) return node;
        const own = held.model.byId.get(node.crossoverReused);
        if (!own) missing = true;
        return own;
      });
      if (missing) return undefined;
    }
    this.held.delete(uri);
    this.held.set(uri, { id, model: whole });
    if (this.held.size > REMEMBERED) this.held.delete(this.held.keys().next().value!);
    return whole;
  }

  /** Forgets every model (the thread that sent them stopped). */
  clear(): void {
    this.held.clear();
  }
}
