/**
 * PDF stage 4: which heading cluster heads which body run, by position and size (never by stream
 * order). A horizontal headline stands above its body (the body's lines are below or level with the
 * headline's foot); a vertical one (Identity-V, 「意气风发走进新时代」) stands at the right of it. The
 * largest headlines choose first, each the nearest run still free: a chart's title (11 pt) never
 * takes the body of a 44 pt headline.
 */
import type { Cluster, Run } from './layout';
import type { Line } from './lines';

// Horizontal distance counts double for a horizontal headline (its body is under it, not beside
// it), and vertical distance for a vertical one.
const ACROSS = 2;

/** How far a line is from a headline, as the headline's body would be (Infinity: on the wrong side). */
export function lineDistance(c: Cluster, l: Line): number {
  const dx = Math.max(0, c.x0 - l.x1, l.x0 - c.x1);
  if (c.vertical) {
    if (l.x0 > c.x1) return Infinity;
    const dy = Math.max(0, c.bottom - l.top, l.bottom - c.top);
    return dx + ACROSS * dy;
  }
  if (l.top > c.bottom + 0.5 * l.size + (c.top - c.bottom)) return Infinity;
  const dy = Math.max(0, c.bottom - l.top);
  return dy + ACROSS * dx;
}

/** Nearest distance from a cluster to any line of a run (Infinity when no line is on the right side). */
export function runDistance(c: Cluster, r: Run): number {
  let best = Infinity;
  for (const l of r.lines) best = Math.min(best, lineDistance(c, l));
  return best;
}

/** For each run (by index), the cluster that heads it, or -1; and the clusters left over. */
export function matchHeadlines(
  clusters: Cluster[],
  runs: Run[],
  isBody: (r: Run) => boolean,
): { head: number[]; left: number[] } {
  const head = runs.map(() => -1);
  const left: number[] = [];
  const order = clusters.map((_, i) => i).sort((a, b) => clusters[b].size - clusters[a].size);
  for (const ci of order) {
    let best = -1;
    let bestD = Infinity;
    runs.forEach((r, ri) => {
      if (head[ri] !== -1 || !isBody(r)) return;
      const d = runDistance(clusters[ci], r);
      if (d < bestD) [best, bestD] = [ri, d];
    });
    if (best === -1) left.push(ci);
    else head[best] = ci;
  }
  return { head, left };
}
