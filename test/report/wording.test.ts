// The overall wording never contradicts the answers shown beside it: « Points d'appui » shows what
// is engaged when nothing is formalised yet, and the level's sentence depends on how many answers
// are engaged. Through the examples, the real analysis and the Markdown and HTML renderers.
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, type ReportData } from '../../src/analysis/report.js';
import type { AnswersFile } from '../../src/model/schema.js';
import { HTML_STYLE, REPORT_HTML_TEMPLATE, renderReportHtml } from '../../src/render/html.js';
import { DEFAULT_TEMPLATE, renderReportMarkdown } from '../../src/render/markdown.js';
import { plain } from '../helpers.js';
import { loadAnswers, loadGrid } from '../../src/io/load.js';
import { packagedTemplate } from '../../src/io/templates.js';
import { NOW, ROOT } from './helpers.js';

const { index } = loadGrid(join(ROOT, 'questions/cap-ptce.yaml'), '2026-11-27');
const MD = packagedTemplate(DEFAULT_TEMPLATE);
const html = (data: ReportData): string => renderReportHtml(data, packagedTemplate(REPORT_HTML_TEMPLATE), packagedTemplate(HTML_STYLE));
const example = (name: string): ReportData => buildReport(index, [loadAnswers(join(ROOT, 'examples', name), index).answers], { now: NOW });

const NOTHING_YET = 'Les fondations restent à poser';
const ENGAGED_INTRO = "Rien n'est encore formalisé, mais ces points sont engagés : ce sont vos appuis pour la suite.";
const FORMALISED_INTRO = "Ce qui est déjà acquis et formalisé : à valoriser dans le dossier et à faire vivre.";

/** The Markdown between « ## Points d'appui » and the next section. */
function appui(md: string): string {
  const start = md.indexOf("## Points d'appui");
  return md.slice(start, md.indexOf('\n## ', start + 5));
}
/** The sentence after « Niveau de préparation : … ». */
function levelLine(md: string): string {
  return md.split('\n').find((l) => l.startsWith('**Niveau de préparation'))!;
}

describe('the emerging example: engaged partners, nothing formalised', () => {
  const data = example('projet-emergent.yaml');
  const md = plain(renderReportMarkdown(data, MD));

  it('shows what is engaged as its points d’appui, and is not told that the foundations remain to be laid', () => {
    const section = appui(md);
    expect(section).toContain(ENGAGED_INTRO);
    for (const n of ['1.5', '4.1', '7.1', '8.3']) expect(section).toMatch(new RegExp(`- \\*\\*${n.replace('.', '\\.')} .*\\*\\* — Engagé, en cours`));
    expect(section).not.toContain('Pas encore abordé');
    expect(levelLine(md)).toContain('**Niveau de préparation : À amorcer**');
    expect(levelLine(md)).toContain('Des points sont déjà engagés : appuyez-vous dessus');
    expect(md).not.toContain(NOTHING_YET);
    expect(data.strengthsKind).toBe('engaged');
  });

  it('says the same in HTML', () => {
    const page = html(data);
    expect(page).toContain("Rien n'est encore formalisé, mais ces points sont engagés");
    expect(page).not.toContain(NOTHING_YET);
  });
});

describe('the structured example', () => {
  it('keeps the formalised points as its points d’appui', () => {
    const md = plain(renderReportMarkdown(example('projet-structure.yaml'), MD));
    expect(appui(md)).toContain(FORMALISED_INTRO);
    expect(appui(md)).not.toContain('Engagé, en cours');
    expect(levelLine(md)).toContain('La plupart des points sont engagés ou formalisés');
  });
});

describe('for any answers, the level sentence agrees with the points d’appui', () => {
  const scaleIds = index.questions.filter((q) => q.question.type === 'scale').map((q) => q.fullId);
  const answer = fc.constantFrom<string | undefined>('pas-aborde', 'en-reflexion', 'engage', 'acquis', 'ne-sait-pas', undefined, undefined, undefined);

  it('never tells a team with an engaged answer that everything remains to be laid, and counts right', () => {
    fc.assert(
      fc.property(fc.tuple(...scaleIds.map(() => answer)), (values) => {
        const answers: AnswersFile['answers'] = {};
        scaleIds.forEach((id, i) => {
          if (values[i] !== undefined) answers[id] = { value: values[i] };
        });
        const data = buildReport(index, [{ format: 'cap-ptce/answers@1', grid: { id: 'cap-ptce', version: '1.0.0' }, project: {}, answers }], { now: NOW });
        const md = plain(renderReportMarkdown(data, MD));
        const engagedOrMore = values.filter((v) => v === 'engage' || v === 'acquis').length;
        const formalised = values.filter((v) => v === 'acquis').length;
        if (data.overall.level === null) return;
        const line = levelLine(md);
        if (engagedOrMore === 0) {
          expect(line).toContain(NOTHING_YET);
          expect(appui(md)).toContain("Aucune réponse n'est encore engagée ni formalisée");
        } else {
          expect(line).not.toContain(NOTHING_YET);
          if (engagedOrMore === 1) expect(line).not.toMatch(/plusieurs points|La plupart des points|Des points sont/);
          else expect(line).not.toMatch(/Un premier point|autour d'un point|Le point renseigné/);
          expect(appui(md)).toContain(formalised > 0 ? FORMALISED_INTRO : ENGAGED_INTRO);
          expect(data.strengths.length).toBe(formalised > 0 ? formalised : engagedOrMore);
        }
      }),
      { numRuns: 40 },
    );
  });
});
