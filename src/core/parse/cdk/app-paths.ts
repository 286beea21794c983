/**
 * Paths between the files of a CDK app, as the readers' `readFile` takes them: relative to the analysed file, with
 * forward slashes. Pure string work (the engine has no `node:path`).
 */

/** `lib/constructs/` + `../config` -> `lib/config`; leading `..` are kept (the host decides whether it may read them). */
export function joinRelative(dir: string, specifier: string): string {
  const out: string[] = [];
  for (const segment of `${dir}${specifier}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(segment);
  }
  return out.length === 0 ? '.' : out.join('/');
}

/** The folder part of a relative path, with its trailing slash: `lib/orders.ts` -> `lib/`, `orders.ts` -> ``. */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/**
 * The files an import specifier may name: `./orders` -> orders.ts, orders.js, orders/index.ts, orders/index.js;
 * `./orders.js` (ES modules written in TypeScript) -> orders.ts first.
 */
export function moduleCandidates(path: string): string[] {
  if (/\.[cm]?ts$/.test(path)) return [path];
  if (/\.[cm]?js$/.test(path)) return [path.replace(/js$/, 'ts'), path];
  return [`${path}.ts`, `${path}.js`, `${path}/index.ts`, `${path}/index.js`];
}

/** The uri of a file of the app from the analysed file's uri and the file's relative path. */
export function uriOf(mainUri: string, relative: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(\/.*)?$/i.exec(mainUri);
  const [root, path] = match ? [match[1]!, match[2] ?? '/'] : ['', mainUri];
  const joined = joinRelative(dirOf(path.startsWith('/') ? path.slice(1) : path), relative);
  return `${root}${path.startsWith('/') ? '/' : ''}${joined}`;
}
