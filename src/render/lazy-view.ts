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

/**
 * A part of a view already made as the template must see it (its strings cleaned by the same
 * rule, by whoever built it): passed as is, no Proxy, no copy. For the thousands of small objects
 * a workshop page reads field by field (each person's chip, answer and note), where a Proxy read
 * per field cost more than the cleaning itself.
 */
export class AsIs<T = unknown> {
  constructor(readonly value: T) {}
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

// Per `shown`: the view of each object (an object reached twice is viewed once), and one Proxy
// handler for all of them. Nothing else is kept per object: a value read again is made again from
// these caches (a string's transformation is remembered by `shown`, an object's view here), so a
// workshop's thousands of answers and chips cost a Proxy each, not a Proxy, a map and six closures.
interface Viewer {
  views: WeakMap<object, object>;
  deferred: WeakMap<Deferred, unknown>;
  handler: ProxyHandler<object>;
}

const viewers = new WeakMap<Shown, Viewer>();

function viewerOf(shown: Shown): Viewer {
  const known = viewers.get(shown);
  if (known) return known;
  const deferred = new WeakMap<Deferred, unknown>();
  const read = (t: object, prop: string): unknown => {
    const raw = (t as Record<string, unknown>)[prop];
    if (raw instanceof Deferred) {
      if (!deferred.has(raw)) deferred.set(raw, lazyView(raw.make(), shown, prop));
      return deferred.get(raw);
    }
    if (raw instanceof AsIs) return raw.value;
    return lazyView(raw, shown, Array.isArray(t) ? '' : prop);
  };
  const handler: ProxyHandler<object> = {
    get(t, prop, receiver) {
      if (typeof prop !== 'string' || !Object.prototype.hasOwnProperty.call(t, prop) || (prop === 'length' && Array.isArray(t))) return Reflect.get(t, prop, receiver);
      return read(t, prop);
    },
    // No getOwnPropertyDescriptor trap: Handlebars asks for it after each read (hasOwnProperty),
    // and a trap made the value a second time. Object.entries, spreads and JSON.stringify take
    // values through `get`; only Object.getOwnPropertyDescriptor(s) sees the raw data, and no
    // template or renderer calls it.
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  };
  const viewer: Viewer = { views: new WeakMap(), deferred, handler };
  viewers.set(shown, viewer);
  return viewer;
}

function viewOf(target: object, shown: Shown): object {
  const viewer = viewerOf(shown);
  let view = viewer.views.get(target);
  if (!view) {
    view = new Proxy(target, viewer.handler);
    viewer.views.set(target, view);
  }
  return view;
}

/**
 * The same view made now, as plain objects and lists (no Proxy): for the parts a page reads whole
 * (a workshop's list of respondents, its table of scores), where a Proxy read per field cost more
 * than the cleaning itself. An object reached twice is copied once; anything but a plain object or
 * a list (a class instance), or an object holding a Deferred, keeps the lazy view.
 */
export function shownView(value: unknown, shown: Shown): unknown {
  return shownNow(value, shown, '', new Map());
}

function shownNow(value: unknown, shown: Shown, key: string, seen: Map<object, unknown>): unknown {
  const own = shown(value, key);
  if (own) return own.value;
  if (!value || typeof value !== 'object') return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    seen.set(value, out);
    for (let i = 0; i < value.length; i++) out[i] = shownNow(value[i], shown, '', seen);
    return out;
  }
  if (value instanceof AsIs) return value.value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return lazyView(value, shown, key);
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const k of Object.keys(value)) {
    const raw = (value as Record<string, unknown>)[k];
    if (raw instanceof Deferred) {
      // Made only if read: this object keeps the lazy view.
      const lazy = lazyView(value, shown, key);
      seen.set(value, lazy);
      return lazy;
    }
    out[k] = shownNow(raw, shown, k, seen);
  }
  return out;
}
