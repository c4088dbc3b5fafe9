// The view a template reads (render/lazy-view.ts): every string transformed, each distinct string
// once per document, only the part of the data the template reaches, and the data left untouched.
import { describe, expect, it } from 'vitest';
import { AsIs, Deferred, lazyView, shownView, type Shown } from '../../src/render/lazy-view.js';
import { markdownView } from '../../src/render/markdown.js';

/** A `shown` that upper-cases strings and counts how often it transformed each. */
function counting(): { shown: Shown; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const done = new Map<string, string>();
  const shown: Shown = (v) => {
    if (typeof v !== 'string') return undefined;
    let out = done.get(v);
    if (out === undefined) {
      calls.set(v, (calls.get(v) ?? 0) + 1);
      done.set(v, (out = v.toUpperCase()));
    }
    return { value: out };
  };
  return { shown, calls };
}

describe('template views', () => {
  const shared = { label: 'Engagé', note: 'une *note*' };
  const data = {
    title: 'Projet',
    count: 3,
    empty: null,
    questions: [shared, { label: 'Engagé', note: null }],
    divergences: [shared],
    unread: { deep: { text: 'jamais lu' } },
  };

  it('shows every string as `shown` makes it, numbers and null as they are, at any depth', () => {
    const { shown } = counting();
    const view = lazyView(data, shown) as typeof data;
    expect(view.title).toBe('PROJET');
    expect(view.count).toBe(3);
    expect(view.empty).toBeNull();
    expect(view.questions.map((q) => q.label)).toEqual(['ENGAGÉ', 'ENGAGÉ']);
    expect(view.questions[1]!.note).toBeNull();
    expect(Object.keys(view)).toEqual(Object.keys(data));
    expect(Array.isArray(view.questions)).toBe(true);
  });

  it('entries, spreads and JSON read the transformed values too, never the raw data', () => {
    const { shown } = counting();
    const view = lazyView(data, shown) as typeof data;
    expect(Object.entries(view.questions[0]!)).toEqual([['label', 'ENGAGÉ'], ['note', 'UNE *NOTE*']]);
    expect({ ...view.unread.deep }).toEqual({ text: 'JAMAIS LU' });
    expect(Object.values(view.divergences[0]!)).toEqual(['ENGAGÉ', 'UNE *NOTE*']);
    expect(JSON.parse(JSON.stringify(view.questions))).toEqual([{ label: 'ENGAGÉ', note: 'UNE *NOTE*' }, { label: 'ENGAGÉ', note: null }]);
    expect(Object.prototype.hasOwnProperty.call(view, 'title')).toBe(true);
  });

  it('an object reached twice is one view; a string repeated is transformed once', () => {
    const { shown, calls } = counting();
    const view = lazyView(data, shown) as typeof data;
    expect(view.questions[0]).toBe(view.divergences[0]);
    expect([...view.questions, ...view.divergences].map((q) => q.label)).toEqual(['ENGAGÉ', 'ENGAGÉ', 'ENGAGÉ']);
    expect(calls.get('Engagé')).toBe(1);
  });

  it('what the template does not reach is not transformed', () => {
    const { shown, calls } = counting();
    const view = lazyView(data, shown) as typeof data;
    expect(view.title).toBe('PROJET');
    expect(calls.has('jamais lu')).toBe(false);
    expect(view.unread.deep.text).toBe('JAMAIS LU');
    expect(calls.get('jamais lu')).toBe(1);
  });

  it('is read-only: a write is refused and the data stays untouched', () => {
    const { shown } = counting();
    const before = structuredClone(data);
    const view = lazyView(data, shown) as typeof data;
    expect(() => {
      view.title = 'autre';
    }).toThrow(TypeError);
    expect(() => {
      view.questions[0]!.label = 'autre';
    }).toThrow(TypeError);
    expect(view.title).toBe('PROJET');
    expect(data).toEqual(before);
  });

  it('each document has its own views: nothing escaped for one leaks into another', () => {
    const a = counting();
    const b = counting();
    const first = lazyView(data, a.shown) as typeof data;
    const plainShown: Shown = () => undefined;
    const second = lazyView(data, plainShown) as typeof data;
    expect(first.questions[0]!.label).toBe('ENGAGÉ');
    expect(second.questions[0]!.label).toBe('Engagé');
    expect((lazyView(data, b.shown) as typeof data).questions[0]).not.toBe(first.questions[0]);
  });

  it('Markdown: hostile text escaped in the view, raw in the data', () => {
    const report = { respondents: [{ label: '# Titre | *gras*' }], note: '<script>' };
    const view = markdownView(report) as typeof report;
    expect(view.respondents[0]!.label).toBe('\\# Titre \\| \\*gras\\*');
    expect(view.note).toBe('&lt;script&gt;');
    expect(report.respondents[0]!.label).toBe('# Titre | *gras*');
  });

  it('a deferred part is computed only when the template reads it, and once', () => {
    const { shown } = counting();
    let made = 0;
    const detail = new Deferred(() => {
      made++;
      return [{ text: 'détail' }];
    });
    const view = lazyView({ title: 'Projet', detail }, shown) as { title: string; detail: { text: string }[] };
    expect(view.title).toBe('PROJET');
    expect(made).toBe(0);
    expect(view.detail[0]!.text).toBe('DÉTAIL');
    expect(view.detail).toBe(view.detail);
    expect(made).toBe(1);
  });

  it('a part already shown is passed as is: no Proxy, no copy, nothing transformed again', () => {
    const { shown, calls } = counting();
    const chips = [{ n: 1, name: 'CLAIRE' }];
    const view = lazyView({ title: 'Projet', chips: new AsIs(chips) }, shown) as { title: string; chips: typeof chips };
    expect(view.chips).toBe(chips);
    expect(view.chips[0]!.name).toBe('CLAIRE');
    expect(calls.size).toBe(0);
    expect((shownView({ chips: new AsIs(chips) }, shown) as { chips: typeof chips }).chips).toBe(chips);
  });

  it('made at once, the view equals the lazy one; a deferred part inside stays deferred', () => {
    let made = 0;
    const withDeferred = { ...data, later: new Deferred(() => (made++, { text: 'plus tard' })) };
    const now = shownView(withDeferred, counting().shown) as typeof data & { later: { text: string } };
    const lazy = lazyView(data, counting().shown);
    expect(made).toBe(0);
    for (const key of Object.keys(data) as (keyof typeof data)[]) expect(JSON.stringify(now[key])).toBe(JSON.stringify((lazy as typeof data)[key]));
    expect(now.questions[0]).toBe(now.divergences[0]);
    expect(made).toBe(0);
    expect(now.later.text).toBe('PLUS TARD');
  });
});
