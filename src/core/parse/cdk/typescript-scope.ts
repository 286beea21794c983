/**
 * What a name stands for while a TypeScript CDK app is read: the bindings of a constructor's parameters to the
 * arguments of the `new` that creates an instance, of a loop's variable to one element of a constant array, of a
 * helper function's parameters, and of the locals declared on the way. Each binding keeps the scope its
 * expression is read in (an argument is read where the instance is created, not inside the class).
 */
import ts from 'typescript';
import { type Value } from './constructs.js';

export type Binding =
  /** An expression read in its own scope; `crossing`: a parameter or loop element (a value set at the call site). */
  | { kind: 'expr'; expression: ts.Expression; scope: Scope; crossing: boolean }
  /** A value with no expression of its own (a loop index, a key of `Object.keys`). */
  | { kind: 'value'; value: Value }
  /** Not given (an optional parameter the call leaves out, a property the props object does not have). */
  | { kind: 'absent'; what: string }
  /** Not known statically, and why. */
  | { kind: 'unknown'; why: string }
  /** A property of another binding (`const { memory = 512 } = props`), with its default. */
  | { kind: 'member'; of: Binding; name: string; fallback?: { expression: ts.Expression; scope: Scope } }
  /** A list of bindings (`[key, value]` of `Object.entries`). */
  | { kind: 'items'; items: Binding[] };

/** One instantiation of a custom construct class on the way to a node. */
export interface Frame {
  className: string;
  /** The instance's id as evaluated, or as written. */
  id: string;
  /** The `new` expression that creates it. */
  site: ts.Node;
}

export class Scope {
  readonly vars = new Map<string, Binding>();

  /**
   * `path`: construct ids of the instances around (the prefix of every node id); `frames`: those instances;
   * `anchor`: where nodes of other files are reported (the `new` in the analysed file that leads to them);
   * `notes`: what static reading cannot know about every node created here (a loop over a value that is not constant);
   * `classes`: the classes being instantiated (a class inside itself is a cycle); `prefix`: keeps the variables of
   * one instance or loop element apart from another's.
   */
  constructor(
    readonly parent: Scope | undefined,
    readonly path: readonly string[],
    readonly frames: readonly Frame[],
    readonly anchor: ts.Node | undefined,
    readonly notes: readonly string[],
    readonly classes: readonly ts.ClassLikeDeclaration[],
    readonly prefix: string,
    readonly isInstance: boolean,
  ) {}

  static root(): Scope {
    return new Scope(undefined, [], [], undefined, [], [], '', false);
  }

  /** A block inside this scope (a loop element): the same instance, variables of its own. */
  block(prefix: string, notes: readonly string[] = this.notes): Scope {
    return new Scope(this, this.path, this.frames, this.anchor, notes, this.classes, prefix, false);
  }

  /** The body of a class instance: a new lexical scope (only the file's names are visible), a path one id longer. */
  instance(
    frame: Frame,
    segment: string | undefined,
    cls: ts.ClassLikeDeclaration,
    anchor: ts.Node | undefined,
    notes: readonly string[],
    base: readonly string[] = this.path,
  ): Scope {
    const path = segment === undefined ? base : [...base, segment];
    const frames = [...this.frames, frame];
    return new Scope(undefined, path, frames, anchor, notes, [...this.classes, cls], `${path.join('/')}#${frames.length}:`, true);
  }

  /** The body of a base class run by `super(...)`: the same instance (`this` and the path), the base's own parameters. */
  sameInstance(cls: ts.ClassLikeDeclaration): Scope {
    return new Scope(undefined, this.path, this.frames, this.anchor, this.notes, [...this.classes, cls], this.thisScope().prefix, true);
  }

  /** A helper function's body: its parameters only. */
  helper(): Scope {
    return new Scope(undefined, this.path, this.frames, this.anchor, this.notes, this.classes, this.prefix, false);
  }

  lookup(name: string): { binding: Binding; owner: Scope } | undefined {
    const binding = this.vars.get(name);
    if (binding) return { binding, owner: this };
    return this.parent?.lookup(name);
  }

  /** The scope of `this` (the innermost instance), whose prefix keeps `this.x` of one instance apart. */
  thisScope(): Scope {
    return this.isInstance || !this.parent ? this : this.parent.thisScope();
  }
}

/**
 * Binds a declaration's name (an identifier or a destructuring pattern) to `binding`: `{ memory = 512, stage }`,
 * `[name, config]`, `{ sizes: { memory } }`.
 */
export function bindName(scope: Scope, name: ts.BindingName, binding: Binding, depth = 0): void {
  if (depth > 8) return;
  if (ts.isIdentifier(name)) {
    scope.vars.set(name.text, binding);
    return;
  }
  if (ts.isObjectBindingPattern(name)) {
    for (const element of name.elements) {
      if (element.dotDotDotToken) {
        if (ts.isIdentifier(element.name)) scope.vars.set(element.name.text, binding);
        continue;
      }
      const property = element.propertyName ?? element.name;
      const key = ts.isIdentifier(property) || ts.isStringLiteral(property) ? property.text : undefined;
      if (key === undefined) continue;
      const fallback = element.initializer ? { expression: element.initializer, scope } : undefined;
      bindName(scope, element.name, { kind: 'member', of: binding, name: key, ...(fallback ? { fallback } : {}) }, depth + 1);
    }
    return;
  }
  name.elements.forEach((element, index) => {
    if (ts.isOmittedExpression(element) || element.dotDotDotToken) return;
    const fallback = element.initializer ? { expression: element.initializer, scope } : undefined;
    bindName(scope, element.name, { kind: 'member', of: binding, name: String(index), ...(fallback ? { fallback } : {}) }, depth + 1);
  });
}
