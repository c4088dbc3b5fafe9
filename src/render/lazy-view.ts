// The data as a template sees it, made on demand: each value is transformed (escaped, cleaned)
// when the template reads it, once, through a read-only proxy of the data. A report's data carries
// everything (JSON prints it all) while the short report shows a small part: transforming the
// whole tree first was a tenth of a report's time and most of its garbage.

/**
 * A value of a view computed only if the template reads it (and then once): a part of the page
 * that only the complete report shows, say, costs nothing in the short one.
 */
export class Deferred<T = unknown> {
  constructor(readonly make: () => T) {}
}

/** `shown(value, key)` gives what a template sees for one value; `lazyView` calls it for each leaf. */
export type Shown = (value: unknown, key: string) => { value: unknown } | undefined;

/**
 * A read-only view of `value`: `shown` decides for each value read (key: its property name, '' in
 * a list); when it returns undefined, objects and lists are viewed the same way, the rest passes.
 */
export function lazyView(value: unknown, shown: Shown, key = ''): unknown {
  const own = shown(value, key);
  if (own) return own.value;
  if (value && typeof value === 'object') return viewOf(value, shown);
  return value;
}

const views = new WeakMap<Shown, WeakMap<object, object>>();

function viewOf(target: object, shown: Shown): object {
  let cache = views.get(shown);
  if (!cache) views.set(shown, (cache = new WeakMap()));
  let view = cache.get(target);
  if (view) return view;
  const isArray = Array.isArray(target);
  const seen = new Map<string, unknown>();
  const read = (t: object, prop: string): unknown => {
    if (seen.has(prop)) return seen.get(prop);
    const raw = (t as Record<string, unknown>)[prop];
    const v = lazyView(raw instanceof Deferred ? raw.make() : raw, shown, isArray ? '' : prop);
    seen.set(prop, v);
    return v;
  };
  view = new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop !== 'string' || !Object.prototype.hasOwnProperty.call(t, prop) || (isArray && prop === 'length')) return Reflect.get(t, prop, receiver);
      return read(t, prop);
    },
    getOwnPropertyDescriptor(t, prop) {
      const d = Reflect.getOwnPropertyDescriptor(t, prop);
      // What Object.entries and spreads read through the descriptor is the view's value.
      if (d && 'value' in d && typeof prop === 'string' && !(isArray && prop === 'length')) d.value = read(t, prop);
      return d;
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  cache.set(target, view);
  return view;
}
