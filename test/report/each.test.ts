// Our `each` for lists (render/templating.ts) prints what Handlebars' own prints, for every form a
// facilitator's template may use: @index, @first, @last, @key, {{else}}, block parameters (nested,
// an outer one read inside), @root and ../, objects, lists through the page's read-only view.
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { compileTemplate, lockedHandlebars } from '../../src/render/templating.js';
import { lazyView } from '../../src/render/lazy-view.js';

const TEMPLATES = [
  '{{#each items}}{{@index}}:{{name}}{{#if @first}} (premier){{/if}}{{#if @last}} (dernier){{/if}}{{#unless @last}}, {{/unless}}{{else}}vide{{/each}}',
  '{{#each items as |item i|}}{{i}}={{item.name}}/{{@key}} {{/each}}',
  '{{#each items as |outer|}}[{{#each ../tags}}{{outer.name}}-{{this}}{{/each}}]{{/each}}',
  '{{#each items}}{{#each ../tags}}{{@index}}{{../name}}{{@root.title}}{{/each}};{{/each}}',
  '{{#each byKey}}{{@key}}={{this}};{{/each}}',
  '{{#each empty}}x{{else}}rien{{/each}}|{{#each missing}}x{{else}}absent{{/each}}',
];

const data = { title: 'T', items: [{ name: 'Claire' }, { name: 'Mehdi' }, { name: 'Sophie' }], tags: ['a', 'b'], byKey: { a: 1, b: 2 }, empty: [] as unknown[] };

describe('each over a list', () => {
  for (const source of TEMPLATES) {
    it(`prints what Handlebars prints: ${source.slice(0, 60)}`, () => {
      const expected = Handlebars.compile(source)(data);
      const locked = lockedHandlebars({});
      const compiled = compileTemplate(locked, source, { knownHelpers: locked.knownHelpers, knownHelpersOnly: true });
      expect(compiled(data)).toBe(expected);
      expect(compiled(lazyView(data, () => undefined))).toBe(expected);
    });
  }
});
