import type { Rgba } from './png';

/*
 * The extension's icon, drawn in code so that it needs no image tool: a database cylinder,
 * the usual picture of a workload that keeps data, on the rounded heptagon of Kubernetes.
 */

type Colour = readonly [number, number, number];

const KUBERNETES_BLUE: Colour = [0x32, 0x6c, 0xe5];
const WHITE: Colour = [0xff, 0xff, 0xff];
const LID: Colour = [0xd6, 0xe2, 0xfa];
/** Samples per pixel along each axis; 4 × 4 smooths the edges. */
const SUPERSAMPLING = 4;

interface Point {
  x: number;
  y: number;
}

/** Distance from p to the segment a–b. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

function insideConvex(p: Point, vertices: readonly Point[]): boolean {
  return vertices.every((a, index) => {
    const b = vertices[(index + 1) % vertices.length];
    return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) >= 0;
  });
}

/** A regular polygon with rounded corners: a smaller polygon grown by the corner radius. */
function roundedPolygon(center: Point, sides: number, radius: number, cornerRadius: number): (p: Point) => boolean {
  const inner = radius - cornerRadius / Math.cos(Math.PI / sides);
  const vertices = Array.from({ length: sides }, (_, index) => {
    const angle = -Math.PI / 2 + (index * 2 * Math.PI) / sides;
    return { x: center.x + inner * Math.cos(angle), y: center.y + inner * Math.sin(angle) };
  });
  return (p) =>
    insideConvex(p, vertices) ||
    vertices.some((a, index) => segmentDistance(p, a, vertices[(index + 1) % sides]) <= cornerRadius);
}

/** How far p is outside the ellipse, in its own units: below 1 inside. */
function ellipseLevel(p: Point, center: Point, rx: number, ry: number): number {
  return Math.hypot((p.x - center.x) / rx, (p.y - center.y) / ry);
}

function ellipse(center: Point, rx: number, ry: number): (p: Point) => boolean {
  return (p) => ellipseLevel(p, center, rx, ry) <= 1;
}

/** The front half of an ellipse's outline, `width` thick: a seam on the cylinder. */
function frontArc(center: Point, rx: number, ry: number, width: number): (p: Point) => boolean {
  return (p) => {
    if (p.y < center.y || Math.abs(p.x - center.x) > rx) return false;
    const dx = (p.x - center.x) / rx;
    const dy = (p.y - center.y) / ry;
    // The level's gradient turns its distance from 1 into a distance in pixels.
    const gradient = Math.hypot(dx / rx, dy / ry) || 1 / ry;
    return Math.abs(Math.hypot(dx, dy) - 1) / gradient <= width / 2;
  };
}

const CYLINDER = { x: 64, top: 44, bottom: 92, rx: 27, ry: 9 };

/** Shapes from the bottom up; at each point the topmost one that covers it gives the colour. */
const LAYERS: [shape: (p: Point) => boolean, colour: Colour][] = [
  [roundedPolygon({ x: 64, y: 68 }, 7, 61, 9), KUBERNETES_BLUE],
  [
    (p) =>
      (Math.abs(p.x - CYLINDER.x) <= CYLINDER.rx && p.y >= CYLINDER.top && p.y <= CYLINDER.bottom) ||
      ellipse({ x: CYLINDER.x, y: CYLINDER.top }, CYLINDER.rx, CYLINDER.ry)(p) ||
      ellipse({ x: CYLINDER.x, y: CYLINDER.bottom }, CYLINDER.rx, CYLINDER.ry)(p),
    WHITE,
  ],
  [ellipse({ x: CYLINDER.x, y: CYLINDER.top }, CYLINDER.rx - 4, CYLINDER.ry - 3), LID],
  [frontArc({ x: CYLINDER.x, y: 60 }, CYLINDER.rx, CYLINDER.ry, 3.2), KUBERNETES_BLUE],
  [frontArc({ x: CYLINDER.x, y: 76 }, CYLINDER.rx, CYLINDER.ry, 3.2), KUBERNETES_BLUE],
];

function colourAt(p: Point): Colour | undefined {
  for (let index = LAYERS.length - 1; index >= 0; index--) if (LAYERS[index][0](p)) return LAYERS[index][1];
  return undefined;
}

/** The icon, `size` pixels square; the Marketplace takes 128. */
export function drawIcon(size = 128): Rgba {
  const pixels = new Uint8Array(size * size * 4);
  const scale = 128 / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const p = { x: (x + (sx + 0.5) / SUPERSAMPLING) * scale, y: (y + (sy + 0.5) / SUPERSAMPLING) * scale };
          const colour = colourAt(p);
          if (!colour) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 1;
        }
      }
      const offset = (y * size + x) * 4;
      const covered = sum[3];
      // Colours are averaged over the covered samples only, so edges fade in alpha, not to black.
      for (let channel = 0; channel < 3 && covered > 0; channel++) pixels[offset + channel] = Math.round(sum[channel] / covered);
      pixels[offset + 3] = Math.round((covered * 255) / SUPERSAMPLING ** 2);
    }
  }
  return { width: size, height: size, pixels };
}
