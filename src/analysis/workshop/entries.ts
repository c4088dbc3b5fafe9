// Who sees the project how: per entrée and overall, the group's score beside each respondent's
// own score and the spread between them; per participant, how much they answered.
import type { ReportData } from '../report.js';
import type { Scores } from '../scoring.js';
import type { Participant, WorkshopEntryRow, WorkshopQuestion, WorkshopSynthesis } from './types.js';

const scoreLabel = (s: number | null): string => (s === null ? '—' : String(s));

function spreadOf(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null);
  return v.length >= 2 ? Math.max(...v) - Math.min(...v) : null;
}

function spreadLabel(spread: number | null): string {
  return spread === null ? '—' : `${spread} ${spread === 1 ? 'point' : 'points'}`;
}

export function entryRows(report: ReportData, scoresOf: readonly Scores[], labels: readonly string[], questions: readonly WorkshopQuestion[]): WorkshopEntryRow[] {
  return report.entries.map((e, i) => {
    const own = scoresOf.map((s) => s.entries[i]!.score);
    const spread = spreadOf(own);
    return {
      id: e.id,
      number: e.number,
      title: e.title,
      source: e.source,
      score: e.score,
      scoreLabel: e.scoreLabel,
      level: e.level,
      bar: e.bar,
      respondents: own.map((score, r) => ({ respondent: labels[r]!, score, scoreLabel: scoreLabel(score) })),
      spread,
      spreadLabel: spreadLabel(spread),
      questions: questions.filter((q) => q.entry === e.id),
    };
  });
}

export function overallRow(report: ReportData, scoresOf: readonly Scores[], labels: readonly string[]): WorkshopSynthesis['overall'] {
  const overallOwn = scoresOf.map((s) => s.overall.score);
  const overallSpread = spreadOf(overallOwn);
  return {
    score: report.overall.score,
    scoreLabel: report.overall.scoreLabel,
    level: report.overall.level,
    respondents: overallOwn.map((score, r) => ({ respondent: labels[r]!, score, scoreLabel: scoreLabel(score) })),
    spread: overallSpread,
    spreadLabel: spreadLabel(overallSpread),
  };
}

export function participants(report: ReportData, scoresOf: readonly Scores[]): Participant[] {
  return report.respondents.map((info, r) => {
    const t = scoresOf[r]!.totals;
    return { ...info, applicable: t.applicable, answered: t.answered, unknown: t.unknown, na: t.na, unanswered: t.unanswered, score: scoresOf[r]!.overall.score };
  });
}
