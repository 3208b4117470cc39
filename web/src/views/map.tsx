// Map: places with coordinates and geotagged images, clustered on screen, over country
// borders from world-atlas (bundled, 1:110m) drawn with d3-geo. No tiles, no network.
import { geoEqualEarth, geoGraticule10, geoPath } from 'd3-geo';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { docLabel, ErrorNote, Loading } from './common.js';

interface MapData {
  places: { entityId: string; name: string; lat: number; lon: number; documentIds: string[]; documents: { id: string; title: string | null }[] }[];
  images: { documentId: string; title: string | null; lat: number; lon: number }[];
}

interface Point {
  key: string;
  label: string;
  lat: number;
  lon: number;
  entityId: string | null;
  documents: { id: string; title: string | null }[];
}

const W = 960;
const H = 500;
const CELL = 26; // px: points closer than this share a cluster

const topo = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
const land = feature(topo, topo.objects.countries);
const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b);

export function MapView() {
  const [data, setData] = useState<MapData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [world, setWorld] = useState(false);
  const [picked, setPicked] = useState<Point[] | null>(null);
  useEffect(() => {
    api<MapData>('/api/map').then(setData, setError);
  }, []);

  const points: Point[] = useMemo(
    () =>
      data
        ? [
            ...data.places.map((p) => ({ key: `e:${p.entityId}`, label: p.name, lat: p.lat, lon: p.lon, entityId: p.entityId, documents: p.documents })),
            ...data.images.map((i) => ({ key: `d:${i.documentId}`, label: docLabel({ title: i.title, id: i.documentId }), lat: i.lat, lon: i.lon, entityId: null, documents: [{ id: i.documentId, title: i.title }] })),
          ]
        : [],
    [data],
  );

  const projection = useMemo(() => {
    const p = geoEqualEarth();
    if (world || points.length === 0) return p.fitSize([W, H], land);
    // Fit the points with a margin of a few degrees so a single point still shows its region.
    const lons = points.map((q) => q.lon);
    const lats = points.map((q) => q.lat);
    const m = 8;
    const box = {
      type: 'MultiPoint' as const,
      coordinates: [
        [Math.max(-180, Math.min(...lons) - m), Math.max(-85, Math.min(...lats) - m)],
        [Math.min(180, Math.max(...lons) + m), Math.min(85, Math.max(...lats) + m)],
      ],
    };
    return p.fitExtent([[20, 20], [W - 20, H - 20]], box);
  }, [world, points]);
  const path = geoPath(projection);

  const clusters = useMemo(() => {
    const cells = new Map<string, { x: number; y: number; points: Point[] }>();
    for (const p of points) {
      const xy = projection([p.lon, p.lat]);
      if (!xy) continue;
      const k = `${Math.floor(xy[0] / CELL)}:${Math.floor(xy[1] / CELL)}`;
      const c = cells.get(k) ?? { x: 0, y: 0, points: [] };
      c.points.push(p);
      c.x += xy[0];
      c.y += xy[1];
      cells.set(k, c);
    }
    return [...cells.values()].map((c) => ({ x: c.x / c.points.length, y: c.y / c.points.length, points: c.points }));
  }, [points, projection]);

  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  return (
    <div class="map">
      <h1>{t('Map')}</h1>
      <p class="muted small">
        {t('Points')}: {points.length}.{' '}
        <button type="button" class="small-button" onClick={() => setWorld(!world)} aria-pressed={world}>
          {world ? 'fit points' : 'world'}
        </button>{' '}
        {t('Select a point to list its documents.')}
      </p>
      <svg class="map-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t('Map')}: ${points.length}`}>
        <rect width={W} height={H} class="sea" />
        <path d={path(geoGraticule10()) ?? ''} class="graticule" />
        <path d={path(land) ?? ''} class="land" />
        <path d={path(borders) ?? ''} class="borders" />
        {clusters.map((c) => {
          const n = c.points.length;
          const r = 7 + Math.sqrt(n) * 3;
          return (
            <g
              key={c.points[0]!.key}
              class="cluster"
              role="button"
              tabindex={0}
              aria-label={c.points.map((p) => p.label).join(', ')}
              onClick={() => setPicked(c.points)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), setPicked(c.points))}
            >
              <circle cx={c.x} cy={c.y} r={r} class="point" />
              {n > 1 && (
                <text x={c.x} y={c.y + 4} text-anchor="middle" class="cluster-count">
                  {n}
                </text>
              )}
              <title>{c.points.map((p) => p.label).join(', ')}</title>
            </g>
          );
        })}
      </svg>
      {picked && (
        <section class="panel picked" aria-live="polite">
          {picked.map((p) => (
            <div key={p.key}>
              <h2 dir="auto">
                {p.entityId ? <a href={`#/entity/${encodeURIComponent(p.entityId)}`}>{p.label}</a> : p.label}{' '}
                <span class="muted small">
                  {p.lat.toFixed(3)}, {p.lon.toFixed(3)}
                </span>
              </h2>
              <ul>
                {p.documents.map((d) => (
                  <li key={d.id}>
                    <a href={`#/doc/${d.id}`} dir="auto">
                      {docLabel(d)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
