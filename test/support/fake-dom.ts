// The few DOM calls the webview's render functions make (webview/compare/render.ts and summary.ts build
// elements, set attributes and text, append children and listen), so a unit test can run them on a state and
// read what they show: the text of an element found by id, and the whole tree as HTML.

export class FakeElement {
  readonly attributes = new Map<string, string>();
  children: (FakeElement | string)[] = [];
  readonly listeners = new Map<string, (() => void)[]>();

  constructor(readonly tagName: string) {}

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  toggleAttribute(name: string, on: boolean): void {
    if (on) this.attributes.set(name, '');
    else this.attributes.delete(name);
  }
  append(...nodes: (FakeElement | string)[]): void {
    this.children.push(...nodes);
  }
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  get id(): string {
    return this.getAttribute('id') ?? '';
  }
  set id(value: string) {
    this.setAttribute('id', value);
  }
  set className(value: string) {
    this.setAttribute('class', value);
  }
  set href(value: string) {
    this.setAttribute('href', value);
  }
  set scope(value: string) {
    this.setAttribute('scope', value);
  }
  get textContent(): string {
    return this.children.map((c) => (typeof c === 'string' ? c : c.textContent)).join('');
  }
  set textContent(value: string) {
    this.children = [value];
  }

  private add(tag: string): FakeElement {
    const child = new FakeElement(tag);
    this.children.push(child);
    return child;
  }
  createTHead(): FakeElement {
    return this.add('thead');
  }
  createTBody(): FakeElement {
    return this.add('tbody');
  }
  insertRow(): FakeElement {
    return this.add('tr');
  }
  insertCell(): FakeElement {
    return this.add('td');
  }

  /** Every element below this one (depth first), this one included. */
  all(): FakeElement[] {
    return [this, ...this.children.flatMap((c) => (typeof c === 'string' ? [] : c.all()))];
  }
  byId(id: string): FakeElement | undefined {
    return this.all().find((e) => e.id === id);
  }
  byTag(tag: string): FakeElement[] {
    return this.all().filter((e) => e.tagName === tag);
  }
  get outerHTML(): string {
    const attrs = [...this.attributes].map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
    const inner = this.children.map((c) => (typeof c === 'string' ? c.replace(/&/g, '&amp;').replace(/</g, '&lt;') : c.outerHTML)).join('');
    return `<${this.tagName}${attrs}>${inner}</${this.tagName}>`;
  }
}

/** A `document` with createElement only (install it with vi.stubGlobal('document', fakeDocument)). */
export const fakeDocument = { createElement: (tag: string) => new FakeElement(tag) };
