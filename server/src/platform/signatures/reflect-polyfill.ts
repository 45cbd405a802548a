// @peculiar/x509 2.x resolves its algorithm providers with tsyringe, which refuses to load
// without the Reflect metadata API (the "reflect-metadata" proposal) and throws at import.
// No polyfill package is installed, so this module installs the few functions tsyringe and
// tslib's __metadata use — and only when absent, so a real polyfill loaded first wins.
// Import it before '@peculiar/x509' (ES modules evaluate imports in order).

type Key = string | symbol;
type MetadataMap = Map<Key | undefined, Map<unknown, unknown>>;
const store = new WeakMap<object, MetadataMap>();

function own(
  target: object,
  prop: Key | undefined,
  create: boolean,
): Map<unknown, unknown> | undefined {
  let byProp = store.get(target);
  if (!byProp) {
    if (!create) return undefined;
    byProp = new Map();
    store.set(target, byProp);
  }
  let m = byProp.get(prop);
  if (!m && create) {
    m = new Map();
    byProp.set(prop, m);
  }
  return m;
}

const R = Reflect as unknown as Record<string, unknown>;
if (typeof R.getMetadata !== 'function') {
  const defineMetadata = (k: unknown, v: unknown, target: object, prop?: Key) => {
    own(target, prop, true)?.set(k, v);
  };
  const getOwnMetadata = (k: unknown, target: object, prop?: Key) =>
    own(target, prop, false)?.get(k);
  const hasOwnMetadata = (k: unknown, target: object, prop?: Key) =>
    own(target, prop, false)?.has(k) ?? false;
  const getMetadata = (k: unknown, target: object, prop?: Key): unknown => {
    // Inherited metadata: walk the prototype chain like reflect-metadata does.
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t)) {
      if (hasOwnMetadata(k, t, prop)) return getOwnMetadata(k, t, prop);
    }
    return undefined;
  };
  Object.assign(R, {
    defineMetadata,
    getOwnMetadata,
    hasOwnMetadata,
    getMetadata,
    hasMetadata: (k: unknown, target: object, prop?: Key) =>
      getMetadata(k, target, prop) !== undefined,
    metadata: (k: unknown, v: unknown) => (target: object, prop?: Key) =>
      defineMetadata(k, v, target, prop),
  });
}

export {};
