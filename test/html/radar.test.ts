// The radar as an SVG string: geometry, series, nulls, styles that do not rely on colour, escaping.
import { describe, expect, it } from 'vitest';
import { radarPoint, radarSummary, RADAR, renderRadarSvg, seriesStyles, wrapLabel, type RadarInput } from '../../src/render/radar.js';

const AXES = ['objectifs', 'acteurs', 'gouvernance', 'perimetre', 'porteuse', 'financement', 'actions', 'innovation'].map((id, i) => ({ id, label: `${i + 1}. Entrée ${id}` }));

function points(svg: string, selector: RegExp): { x: number; y: number }[][] {
  return [...svg.matchAll(selector)].map((m) =>
    m[1]!
      .trim()
      .split(/\s+/)
      .map((p) => {
        const [x, y] = p.split(',').map(Number);
        return { x: x!, y: y! };
      }),
  );
}
const seriesPoints = (svg: string): { x: number; y: number }[][] => points(svg, /<polygon class="radar-series"[^>]*?points="([^"]+)"/g);
function ringPoints(svg: string, ring: number): { x: number; y: number }[] {
  const d = new RegExp(`class="radar-ring" data-ring="${ring}" d="([^"]+)"`).exec(svg)![1]!;
  return d
    .replace(/[MLZ]/g, ' ')
    .trim()
    .split(/\s+/)
    .map((p) => ({ x: Number(p.split(',')[0]), y: Number(p.split(',')[1]) }));
}
const dist = (p: { x: number; y: number }): number => Math.hypot(p.x - RADAR.cx, p.y - RADAR.cy);

describe('renderRadarSvg', () => {
  const input: RadarInput = {
    axes: AXES,
    series: [
      { name: 'Claire', values: [100, 50, 0, 75, 25, 100, 60, 10], kind: 'respondent' },
      { name: 'Marc', values: [33, 67, 100, null, 50, 50, 50, 50], kind: 'respondent' },
      { name: 'Collectif', values: [67, 58, 50, 75, 38, 75, 55, 30], kind: 'collective' },
    ],
  };
  const svg = renderRadarSvg(input, { id: 'test' });

  it('draws one axis per entrée, in order, and the four rings', () => {
    expect([...svg.matchAll(/<line class="radar-axis" data-axis="([^"]+)"/g)].map((m) => m[1])).toEqual(AXES.map((a) => a.id));
    expect([...svg.matchAll(/class="radar-ring" data-ring="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([25, 50, 75, 100]);
    expect([...svg.matchAll(/<text class="radar-label" data-axis="([^"]+)"/g)].map((m) => m[1])).toEqual(AXES.map((a) => a.id));
  });

  it('draws one polygon per series and no other polygon', () => {
    expect(svg.match(/<polygon\b/g)).toHaveLength(3);
    expect(seriesPoints(svg).map((p) => p.length)).toEqual([8, 8, 8]);
    expect([...svg.matchAll(/data-kind="(\w+)"/g)].map((m) => m[1])).toEqual(['respondent', 'respondent', 'collective']);
  });

  it('puts a point at 100 on the outer ring, 50 halfway, 0 at the centre', () => {
    const claire = seriesPoints(svg)[0]!;
    const ring = ringPoints(svg, 100);
    expect(ring).toHaveLength(8);
    expect(dist(claire[0]!)).toBeCloseTo(RADAR.radius, 0);
    expect(claire[0]!.x).toBeCloseTo(ring[0]!.x, 1);
    expect(claire[0]!.y).toBeCloseTo(ring[0]!.y, 1);
    expect(dist(claire[5]!)).toBeCloseTo(RADAR.radius, 0);
    expect(claire[5]!.x).toBeCloseTo(ring[5]!.x, 1);
    expect(dist(claire[1]!)).toBeCloseTo(RADAR.radius / 2, 0);
    expect(dist(claire[2]!)).toBeCloseTo(0, 0);
    // The first axis points up, the third to the right (8 axes, clockwise).
    expect(claire[0]!.x).toBeCloseTo(RADAR.cx, 1);
    expect(claire[0]!.y).toBeLessThan(RADAR.cy);
    expect(radarPoint(2, 8, 100).x).toBeCloseTo(RADAR.cx + RADAR.radius, 1);
  });

  it('clamps values to 0..100', () => {
    expect(dist(radarPoint(0, 5, 150))).toBeCloseTo(RADAR.radius, 5);
    expect(dist(radarPoint(0, 5, -20))).toBeCloseTo(0, 5);
  });

  it('draws a null at 0 and marks it: hollow marker, asterisk on the axis, footnote, « null » in the data', () => {
    const marc = seriesPoints(svg)[1]!;
    expect(dist(marc[3]!)).toBeCloseTo(0, 0);
    expect(svg).toContain('data-values="33 67 100 null 50 50 50 50"');
    expect(svg).toMatch(/data-axis="perimetre"[^>]*>.*?\*<\/tspan>/);
    expect(svg).not.toMatch(/data-axis="objectifs"[^>]*>[^<]*(<tspan[^>]*>[^<]*<\/tspan>)*?[^<]*\*<\/tspan>/);
    expect(svg).toContain('class="radar-footnote"');
    expect(svg).toContain('fill="#ffffff"');
  });

  it('is an accessible image: role, title and desc referenced by aria-labelledby, the numbers in words', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="radar" viewBox="[-\d]+ [-\d]+ \d+ \d+" role="img" aria-labelledby="test-title test-desc"/);
    expect(svg).toContain('<title id="test-title">');
    expect(svg).toContain('<desc id="test-desc">');
    const summary = radarSummary(input);
    expect(summary).toContain('1. Entrée objectifs : Claire 100, Marc 33, Collectif 67');
    expect(summary).toContain('Marc sans repère');
  });

  it('has a legend with every series unless the page gives its own', () => {
    expect(svg.match(/class="radar-legend-item"/g)).toHaveLength(3);
    expect(renderRadarSvg(input, { legend: false })).not.toContain('radar-legend');
  });

  it('escapes every label, name and title', () => {
    const hostile = renderRadarSvg(
      {
        axes: [
          { id: 'a"><script>alert(1)</script>', label: '<script>alert(1)</script> & co' },
          { id: 'b', label: '<img src=x onerror=alert(1)>' },
          { id: 'c', label: 'Normal' },
        ],
        series: [
          { name: '"><img src=x onerror=alert(1)>', values: [10, 20, 30], kind: 'respondent' },
          { name: 'Collectif </svg><script>', values: [10, 20, 30], kind: 'collective' },
        ],
      },
      { id: 'x" onload="alert(1)', title: '</title><script>alert(1)</script>' },
    );
    expect(hostile).not.toMatch(/<script|<img|onload=|onerror="/i);
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(hostile).toContain('data-series="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(hostile.match(/<svg\b/g)).toHaveLength(1);
    expect(hostile.match(/<\/svg>/g)).toHaveLength(1);
  });

  it('copes with few axes (a line, circles) and with none', () => {
    const two = renderRadarSvg({ axes: AXES.slice(0, 2), series: [{ name: 'A', values: [50, 60], kind: 'collective' }] });
    expect(two).toContain('<polyline class="radar-series"');
    expect(two.match(/<circle class="radar-ring"/g)).toHaveLength(4);
    expect(renderRadarSvg({ axes: [], series: [] })).toContain('Aucune entrée à représenter.');
  });
});

describe('series styles', () => {
  it('tells eight respondents apart by dash pattern and marker as well as colour', () => {
    const styles = seriesStyles(Array.from({ length: 8 }, () => ({ kind: 'respondent' as const })));
    expect(new Set(styles.map((s) => s.colour)).size).toBe(8);
    expect(new Set(styles.map((s) => s.dash)).size).toBe(8);
    expect(styles.every((s) => s.dash !== '')).toBe(true);
  });

  it('draws the collective and « after » solid and thick, « before » dashed', () => {
    const [before, after, collective] = seriesStyles([{ kind: 'before' }, { kind: 'after' }, { kind: 'collective' }]);
    expect(before!.dash).not.toBe('');
    expect(after!.dash).toBe('');
    expect(collective!.dash).toBe('');
    expect(collective!.width).toBeGreaterThan(seriesStyles([{ kind: 'respondent' }])[0]!.width);
  });

  it('keeps a contrast of 3:1 at least on white for every colour', () => {
    const luminance = (hex: string): number => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const kinds = [...Array.from({ length: 8 }, () => ({ kind: 'respondent' as const })), { kind: 'collective' as const }, { kind: 'before' as const }, { kind: 'after' as const }];
    for (const style of seriesStyles(kinds)) expect(1.05 / (luminance(style.colour) + 0.05)).toBeGreaterThanOrEqual(3);
  });
});

describe('wrapLabel', () => {
  it('wraps on words, at most four lines, an ellipsis when it does not fit', () => {
    expect(wrapLabel('4. Périmètre géographique et ancrage territorial')).toEqual(['4. Périmètre', 'géographique et', 'ancrage', 'territorial']);
    expect(wrapLabel('Court')).toEqual(['Court']);
    const long = wrapLabel('un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize');
    expect(long).toHaveLength(RADAR.labelLines);
    expect(long[long.length - 1]).toMatch(/…$/);
  });
});
