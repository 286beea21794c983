/**
 * `serverless.ts` -> the positioned tree, when the configuration is a static object literal:
 * `export default {...}`, `module.exports = {...}`, `export = {...}`, or any of those naming a `const`
 * of the file (`const serverlessConfiguration: AWS = {...}`). Parsed with the TypeScript compiler API
 * (syntax only: no type check, nothing executed). Spreads of `const` objects and shorthand properties
 * naming `const` literals are followed; any other expression (a call, an import, arithmetic) becomes
 * `${code:...}`, which the variable resolver reports as unresolved. Values nested deeper than 64 levels, or past
 * 100,000 values in all (consts that name each other twice per level double at each level), become
 * `${unread:...}` with the reason. Code nested too deeply to parse throws InputLimitError (see source.ts).
 *
 * Part of dist/typescript-reader.js, which hosts load only when a serverless.ts or CDK app is analysed,
 * so the compiler does not weigh on activation.
 */
import ts from 'typescript';
import { type MapEntry, type MapNode, type ScalarNode, type TreeNode } from '../document/tree.js';
import { parseSource } from './source.js';

const MAX_DEPTH = 64;
/** A configuration has a few thousand values; past this many, consts that name each other twice per level are a bomb. */
const MAX_VALUES = 100_000;

export function objectLiteralTree(fileName: string, text: string): TreeNode | undefined {
  const source = parseSource(fileName, text, ts.ScriptKind.TS);
  const consts = new Map<string, ts.Expression>();
  let exported: ts.Expression | undefined;
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer) consts.set(declaration.name.text, declaration.initializer);
      }
    } else if (ts.isExportAssignment(statement)) {
      exported = statement.expression;
    } else if (
      ts.isExpressionStatement(statement) &&
      ts.isBinaryExpression(statement.expression) &&
      statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken
    ) {
      const left = statement.expression.left;
      if (ts.isPropertyAccessExpression(left) && left.getText(source) === 'module.exports') exported = statement.expression.right;
    }
  }
  if (!exported) return undefined;
  const convert = new Converter(source, consts);
  const root = convert.node(exported, 0);
  return root?.kind === 'map' ? root : undefined;
}

class Converter {
  /**
   * Literals already converted, shared wherever they are named again (as YAML shares an anchored node): consts
   * that name each other twice per level would otherwise double the tree at each level.
   */
  private readonly converted = new Map<ts.Expression, { node: TreeNode; height: number }>();
  /** How many levels the last converted node has below it. */
  private lastHeight = 0;
  /** Tree nodes made so far (a backstop: sharing keeps this near the size of the text). */
  private made = 0;

  constructor(
    private readonly source: ts.SourceFile,
    private readonly consts: Map<string, ts.Expression>,
  ) {}

  /** Unwraps `x as T`, `x satisfies T`, `(x)`, `<T>x`, and a const's name. */
  private unwrap(expression: ts.Expression, seen = new Set<string>()): ts.Expression {
    let e = expression;
    for (let guard = 0; guard < 32; guard++) {
      if (
        ts.isAsExpression(e) ||
        ts.isSatisfiesExpression(e) ||
        ts.isParenthesizedExpression(e) ||
        ts.isTypeAssertionExpression(e) ||
        ts.isNonNullExpression(e)
      )
        e = e.expression;
      else if (ts.isIdentifier(e) && this.consts.has(e.text) && !seen.has(e.text)) {
        seen.add(e.text);
        e = this.consts.get(e.text)!;
      } else break;
    }
    return e;
  }

  node(expression: ts.Expression, depth: number): TreeNode | undefined {
    this.lastHeight = 0;
    if (depth > MAX_DEPTH) return this.scalar(expression, `\${unread:nested deeper than ${MAX_DEPTH} levels}`);
    const e = this.unwrap(expression);
    const known = this.converted.get(e);
    // Shared where it still fits the depth limit; deeper, it is converted again (and cut off at the limit).
    if (known && depth + known.height <= MAX_DEPTH + 1) {
      this.lastHeight = known.height;
      return known.node;
    }
    if (++this.made > MAX_VALUES) return this.scalar(expression, `\${unread:the configuration expands to more than ${MAX_VALUES} values}`);
    let result: TreeNode;
    if (ts.isObjectLiteralExpression(e)) result = this.object(e, depth);
    else if (ts.isArrayLiteralExpression(e)) {
      const items: TreeNode[] = [];
      let height = 0;
      for (const element of e.elements) {
        const item = ts.isSpreadElement(element) ? undefined : this.node(element, depth + 1);
        if (!item) continue;
        items.push(item);
        height = Math.max(height, 1 + this.lastHeight);
      }
      result = { kind: 'seq', items, start: e.getStart(this.source), end: e.end };
      this.lastHeight = height;
    } else return this.leaf(e);
    if (!known) this.converted.set(e, { node: result, height: this.lastHeight });
    return result;
  }

  private leaf(e: ts.Expression): ScalarNode {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return this.scalar(e, e.text);
    if (ts.isNumericLiteral(e)) return this.scalar(e, Number(e.text));
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand))
      return this.scalar(e, -Number(e.operand.text));
    if (e.kind === ts.SyntaxKind.TrueKeyword) return this.scalar(e, true);
    if (e.kind === ts.SyntaxKind.FalseKeyword) return this.scalar(e, false);
    if (e.kind === ts.SyntaxKind.NullKeyword) return this.scalar(e, null);
    return this.code(e);
  }

  /** Sets `this.lastHeight`. A later key replaces an earlier one, and moves to the end (as a spread does in JavaScript). */
  private object(e: ts.ObjectLiteralExpression, depth: number): MapNode {
    const entries = new Map<string, { entry: MapEntry; height: number }>();
    const set = (entry: MapEntry, height: number) => {
      entries.delete(entry.key);
      entries.set(entry.key, { entry, height });
    };
    for (const property of e.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = this.node(property.expression, depth + 1);
        // The spread map's entries sit one level higher than the map itself.
        const height = Math.max(0, this.lastHeight - 1);
        if (spread?.kind === 'map') for (const entry of spread.entries) set(entry, height);
        continue;
      }
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
      const name = property.name;
      const key = ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
      if (key === undefined) continue;
      const keyNode: ScalarNode = { kind: 'scalar', value: key, start: name.getStart(this.source), end: name.end };
      const value = ts.isPropertyAssignment(property) ? this.node(property.initializer, depth + 1) : this.node(property.name, depth + 1);
      if (value) set({ key, keyNode, value }, this.lastHeight);
    }
    let height = 0;
    for (const item of entries.values()) height = Math.max(height, 1 + item.height);
    this.lastHeight = height;
    return { kind: 'map', entries: [...entries.values()].map((item) => item.entry), start: e.getStart(this.source), end: e.end };
  }

  private scalar(e: ts.Node, value: ScalarNode['value']): ScalarNode {
    return { kind: 'scalar', value, start: e.getStart(this.source), end: e.end };
  }

  /** An expression only running the code would give: kept as `${code:...}` so it reads as unresolved. */
  private code(e: ts.Expression): ScalarNode {
    const text = e.getText(this.source).replace(/\s+/g, ' ');
    return this.scalar(e, `\${code:${text.length > 60 ? text.slice(0, 57) + '...' : text}}`);
  }
}
