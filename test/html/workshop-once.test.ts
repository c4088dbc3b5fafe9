// A workshop is analysed once (analysis/workshop.ts): the HTML page shows the numbers the JSON
// carries — each participant's score per entrée, which questions are to discuss and in what
// order, their spreads and reasons, the points of agreement — and never recomputes them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkshop, type WorkshopData } from '../../src/analysis/workshop.js';
import { loadAnswers } from '../../src/io/load.js';
import { packagedTemplate } from '../../src/io/templates.js';
import { HTML_STYLE, REPORT_HTML_TEMPLATE, renderReportHtml } from '../../src/render/html.js';
import { plain } from '../helpers.js';
import { renderWorkshopJson } from '../../src/render/json.js';
import { defaultGrid, NOW, ROOT, workshopReport } from './fixtures.js';

interface WorkshopJson {
  kind: string;
  divergences: { question: string; spread: number | null; reason: string | null }[];
  workshop: {
    entries: { id: string; respondents: { score: number | null }[] }[];
    consensus: string[];
  };
}

function atelier(): WorkshopData {
  const dir = join(ROOT, 'examples/atelier');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ answers: loadAnswers(join(dir, f), defaultGrid().index).answers, source: `examples/atelier/${f}` }));
  return buildWorkshop(defaultGrid().index, files, { now: NOW });
}

const decode = (s: string): string => s.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

describe.each([
  ['examples/atelier', atelier],
  ['three participants with hostile text', workshopReport],
])('workshop numbers: the page says what the JSON says (%s)', (_, build) => {
  const data = build();
  // typography undone (test/report/typography.test.ts checks it): the page's text against the JSON's
  const html = plain(renderReportHtml(data, packagedTemplate(REPORT_HTML_TEMPLATE), packagedTemplate(HTML_STYLE)));
  const json = JSON.parse(renderWorkshopJson(data)) as WorkshopJson;

  it('is a workshop, by its kind', () => {
    expect(data.kind).toBe('workshop');
    expect(json.kind).toBe('workshop');
  });

  it('each participant’s score per entrée', () => {
    for (const entry of json.workshop.entries) {
      const row = new RegExp(`<tr data-entry="${entry.id}"><th[^>]*>[^<]*</th>((?:<td class="num" data-respondent="\\d+" data-score="[^"]*">[^<]*</td>)+)`).exec(html);
      expect(row, entry.id).not.toBeNull();
      const cells = [...row![1]!.matchAll(/data-respondent="(\d+)" data-score="([^"]*)">([^<]*)</g)].map((m) => m[3]);
      expect(cells).toEqual(entry.respondents.map((r) => (r.score === null ? '—' : String(r.score))));
    }
  });

  it('the questions to discuss, in the same order, with the same spread and reason', () => {
    const cards = [...html.matchAll(/<article class="card divergent" data-question="([^"]+)"/g)].map((m) => m[1]);
    expect(cards).toEqual(json.divergences.map((d) => d.question));
    const flagged = [...html.matchAll(/<tr data-question="([^"]+)" class="divergent" data-divergent="true">\s*<th[^>]*>[\s\S]*?<span class="flag">À discuter(?: · écart (\d+))?<\/span>/g)];
    for (const [, id, points] of flagged) {
      const d = json.divergences.find((x) => x.question === id);
      expect(d, id).toBeDefined();
      if (points !== undefined) expect(Number(points)).toBe(Math.round(d!.spread! * 100));
    }
    for (const d of json.divergences) {
      if (d.reason) expect(decode(html)).toContain(d.reason.replace(/[.\s]+$/, ''));
    }
  });

  it('the points of agreement', () => {
    const agreed = [...html.matchAll(/<tr data-question="([^"]+)"[^>]*>\s*<th[^>]*>(?:(?!<\/th>)[\s\S])*<span class="agree">/g)].map((m) => m[1]);
    const scaleConsensus = json.workshop.consensus.filter((id) => html.includes(`<tr data-question="${id}"`));
    expect(agreed).toEqual(scaleConsensus);
  });
});
