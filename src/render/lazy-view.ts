// The data as a template sees it, made on demand: each value is transformed (escaped, cleaned)
// once, in a copy of the part of the data the template reaches. A report's data carries
// everything (JSON prints it all) while the short report shows a small part: transforming the
// whole tree first was a tenth of a report's time and most of its garbage.
//
// How: an object is copied when the template first reaches it, one level deep: its strings and
// numbers as `shown` says, its object-valued properties as getters that copy them in turn when
// read. A list is copied with its items (the template walks them all). These are plain objects:
// Handlebars reads each property at full speed (it reads every property twice, once for the value
// and once to check that it is an own property: through a Proxy, both went through traps, about
// a fifth of a workshop's rendering). The copy is the template's own: writing to it never reaches
// the data.

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
 * The view of `value`: `shown` decides for each value read (key: its property name, '' in a list);
 * when it returns undefined, objects and lists are viewed the same way, the rest passes.
 */
export function lazyView(value: unknown, shown: Shown, key = ''): unknown {
  const own = shown(value, key);
  if (own) return own.value;
  if (value && typeof value === 'object') return viewOf(value, shown);
  return value;
}

// One view per object and `shown`: an object reached twice (a workshop's questions are in
// `questions`, in their entrée, among the divergences…) is copied once.
const views = new WeakMap<Shown, WeakMap<object, object>>();

function viewOf(target: object, shown: Shown): object {
  let cache = views.get(shown);
  if (!cache) views.set(shown, (cache = new WeakMap()));
  const known = cache.get(target);
  if (known) return known;
  if (Array.isArray(target)) {
    const list: unknown[] = new Array(target.length);
    cache.set(target, list);
    for (let i = 0; i < target.length; i++) list[i] = lazyView(target[i], shown, '');
    return list;
  }
  const view: Record<string, unknown> = {};
  cache.set(target, view);
  const source = target as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const value = source[key];
    const own = shown(value, key);
    if (own) view[key] = own.value;
    else if (value instanceof Deferred) deferredProperty(view, key, value, shown);
    else if (value && typeof value === 'object') lazyProperty(view, key, value, shown);
    else view[key] = value;
  }
  return view;
}

/** A property whose view is made when it is first read (then kept: viewOf caches it). */
function lazyProperty(view: Record<string, unknown>, key: string, value: object, shown: Shown): void {
  Object.defineProperty(view, key, { enumerable: true, configurable: true, get: () => viewOf(value, shown) });
}

/** A property computed when it is first read, then viewed (and kept). */
function deferredProperty(view: Record<string, unknown>, key: string, value: Deferred, shown: Shown): void {
  let made = false;
  let viewed: unknown;
  Object.defineProperty(view, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!made) {
        viewed = lazyView(value.make(), shown, key);
        made = true;
      }
      return viewed;
    },
  });
}
