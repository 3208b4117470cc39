// Timeline: publication dates and DATE mentions over time, one lane per outlet,
// zoomable from decades to days (wheel or +/−, arrows pan), Solar Hijri beside Gregorian.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { parseIsoPrefix, solarHijriLabel } from '../calendar.js';
import { t } from '../i18n.js';
import { docLabel, ErrorNote, Loading } from './common.js';

interface Entry {
  date: string;
  source: 'published' | 'mention';
  documentId: string;
  title: string | null;
  site: string | null;
  text: string | null;
  mentionId: string | null;
}

// Dark enough for 3:1 against white as graphics (WCAG 1.4.11).
export const OUTLET_COLOURS = ['#0b57d0', '#b3261e', '#146c2e', '#7b3fa0', '#8a4b08', '#006a6a', '#a0306a', '#5f6368'];
const DAY = 86_400_000;
const W = 1000;
const LEFT = 150;
const LANE = 30;
const AXIS = 52;

type Unit = 'decade' | 'year' | 'month' | 'day';

function unitFor(spanMs: number): Unit {
  const days = spanMs / DAY;
  if (days > 365 * 25) return 'decade';
  if (days > 365 * 2) return 'year';
  if (days > 75) return 'month';
  return 'day';
}

function ticks(t0: number, t1: number, unit: Unit): Date[] {
  const d = new Date(t0);
  let cur: Date;
  if (unit === 'decade') cur = new Date(Date.UTC(Math.floor(d.getUTCFullYear() / 10) * 10, 0, 1));
  else if (unit === 'year') cur = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  else if (unit === 'month') cur = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  else cur = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const out: Date[] = [];
  const spanDays = (t1 - t0) / DAY;
  const dayStep = Math.max(1, Math.ceil(spanDays / 7));
  const monthStep = Math.max(1, Math.ceil(spanDays / 30 / 8));
  const yearStep = Math.max(1, Math.ceil(spanDays / 365 / 8));
  while (cur.getTime() <= t1 && out.length < 200) {
    if (cur.getTime() >= t0) out.push(cur);
    const n = new Date(cur);
    if (unit === 'decade') n.setUTCFullYear(n.getUTCFullYear() + 10);
    else if (unit === 'year') n.setUTCFullYear(n.getUTCFullYear() + yearStep);
    else if (unit === 'month') n.setUTCMonth(n.getUTCMonth() + monthStep);
    else n.setUTCDate(n.getUTCDate() + dayStep);
    cur = n;
  }
  return out;
}

function gregorianLabel(d: Date, unit: Unit): string {
  const iso = d.toISOString();
  return unit === 'decade' || unit === 'year' ? iso.slice(0, 4) : unit === 'month' ? iso.slice(0, 7) : iso.slice(0, 10);
}

export function TimelineView() {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [view, setView] = useState<[number, number] | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    api<{ items: Entry[] }>('/api/timeline?limit=5000').then((r) => setEntries(r.items), setError);
  }, []);

  const model = useMemo(() => {
    if (!entries) return null;
    const items = entries.map((e) => ({ ...e, t: parseIsoPrefix(e.date)?.getTime() ?? NaN })).filter((e) => Number.isFinite(e.t));
    const siteCounts = new Map<string, number>();
    for (const e of items) siteCounts.set(e.site ?? '(unknown)', (siteCounts.get(e.site ?? '(unknown)') ?? 0) + 1);
    const lanes = [...siteCounts.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
    const shown = lanes.slice(0, OUTLET_COLOURS.length - 1);
    const laneOf = (site: string | null) => {
      const i = shown.indexOf(site ?? '(unknown)');
      return i >= 0 ? i : shown.length;
    };
    const laneNames = lanes.length > shown.length ? [...shown, 'other'] : shown;
    const ts = items.map((i) => i.t);
    const min = Math.min(...ts);
    const max = Math.max(...ts);
    const pad = Math.max(30 * DAY, (max - min) * 0.05);
    return { items, laneOf, laneNames, domain: [min - pad, max + pad] as [number, number] };
  }, [entries]);

  if (error) return <ErrorNote error={error} />;
  if (!entries || !model) return <Loading />;
  if (model.items.length === 0) return <p class="muted">No dated documents yet.</p>;
  const [t0, t1] = view ?? model.domain;
  const x = (ms: number) => LEFT + ((ms - t0) / (t1 - t0)) * (W - LEFT - 10);
  const unit = unitFor(t1 - t0);
  const H = AXIS + model.laneNames.length * LANE + 10;

  const zoom = (factor: number, centre = (t0 + t1) / 2) => {
    const span = Math.min(300 * 365 * DAY, Math.max(3 * DAY, (t1 - t0) * factor));
    const frac = (centre - t0) / (t1 - t0);
    setView([centre - span * frac, centre - span * frac + span]);
  };
  const pan = (frac: number) => setView([t0 + (t1 - t0) * frac, t1 + (t1 - t0) * frac]);
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const rect = svg.current!.getBoundingClientRect();
    const px = ((e.clientX - rect.left) / rect.width) * W;
    const centre = t0 + ((px - LEFT) / (W - LEFT - 10)) * (t1 - t0);
    zoom(e.deltaY > 0 ? 1.25 : 0.8, centre);
  };
  const onKey = (e: KeyboardEvent) => {
    const k = e.key;
    if (k === '+' || k === '=') zoom(0.7);
    else if (k === '-' || k === '_') zoom(1.4);
    else if (k === 'ArrowLeft') pan(-0.1);
    else if (k === 'ArrowRight') pan(0.1);
    else if (k === '0') setView(null);
    else return;
    e.preventDefault();
  };
  const visible = model.items.filter((i) => i.t >= t0 && i.t <= t1);

  return (
    <div class="timeline">
      <h1>{t('Timeline')}</h1>
      <p class="muted small">
        {t('Wheel or +/− to zoom, ←/→ to pan.')} <button type="button" class="small-button" onClick={() => zoom(0.7)}>+</button>{' '}
        <button type="button" class="small-button" onClick={() => zoom(1.4)}>−</button>{' '}
        <button type="button" class="small-button" onClick={() => setView(null)}>
          0
        </button>
      </p>
      <svg
        ref={svg}
        class="timeline-svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${t('Timeline')}: ${visible.length} / ${model.items.length}`}
        tabindex={0}
        onWheel={onWheel}
        onKeyDown={onKey}
        data-unit={unit}
      >
        {ticks(t0, t1, unit).filter((d) => x(d.getTime()) >= LEFT && x(d.getTime()) < W - 90).map((d) => (
          <g key={d.getTime()} class="tick">
            <line x1={x(d.getTime())} x2={x(d.getTime())} y1={AXIS - 6} y2={H} />
            <text x={x(d.getTime()) + 3} y={18} class="tick-g">
              {gregorianLabel(d, unit)}
            </text>
            {/* Right-to-left with its end anchored at the tick, so "۱۳ اسفند ۱۳۹۷" reads in order and starts at the tick. */}
            <text x={x(d.getTime()) + 3} y={36} class="tick-sh" direction="rtl" text-anchor="end">
              {solarHijriLabel(d, unit)}
            </text>
          </g>
        ))}
        {model.laneNames.map((name, i) => (
          <g key={name}>
            <rect x={0} y={AXIS + i * LANE} width={W} height={LANE} class={i % 2 ? 'lane odd' : 'lane'} />
            <text x={6} y={AXIS + i * LANE + LANE / 2 + 4} class="lane-label" fill={OUTLET_COLOURS[i % OUTLET_COLOURS.length]}>
              {name.length > 20 ? name.slice(0, 19) + '…' : name}
            </text>
          </g>
        ))}
        <rect x={0} y={AXIS} width={LEFT - 4} height={H - AXIS} fill="none" />
        {visible.map((e) => {
          const lane = model.laneOf(e.site);
          const colour = OUTLET_COLOURS[lane % OUTLET_COLOURS.length];
          return (
            <a key={`${e.documentId}-${e.mentionId ?? 'p'}`} href={`#/doc/${e.documentId}`} class="tl-item">
              <circle
                cx={x(e.t)}
                cy={AXIS + lane * LANE + LANE / 2}
                r={6}
                fill={e.source === 'published' ? colour : '#ffffff'}
                stroke={colour}
                stroke-width={2.5}
                data-date={e.date}
              >
                <title>
                  {e.date} · {e.source === 'published' ? t('published') : `${t('mentioned date')}: ${e.text}`} · {docLabel(e)}
                </title>
              </circle>
            </a>
          );
        })}
      </svg>
      <p class="small muted">
        ● {t('published')} ○ {t('mentioned date')}
      </p>
      <ol class="timeline-list">
        {visible.slice(0, 100).map((e) => (
          <li key={`${e.documentId}-${e.mentionId ?? 'p'}`}>
            <span class="tl-date">{e.date}</span> <span class="muted small">
              (<bdi dir="rtl" lang="fa">{solarHijriLabel(parseIsoPrefix(e.date)!, e.date.length >= 10 ? 'day' : e.date.length === 7 ? 'month' : 'year')}</bdi>)
            </span>{' '}
            <a href={`#/doc/${e.documentId}`} dir="auto">
              {docLabel(e)}
            </a>{' '}
            {e.source === 'mention' && <q dir="auto">{e.text}</q>} {e.site && <bdi class="muted small">{e.site}</bdi>}
          </li>
        ))}
      </ol>
    </div>
  );
}
