// Common landing of one block on its hubs (./hubs.ts): every feeder (a leaf, the level below the hubs) must deliver
// the flow of its members to the hubs in one shared proportion pi, as large a share theta of line rate as the
// links allow. Two constructions; the better one is used.
//
// Direct: feeder l sends theta x inflow_l x pi(s) to hub s over its own links, so theta pi(s) <= cap(l, s) /
// inflow_l for every l: pi proportional to kappa(s) = min_l cap(l, s) / inflow_l and theta = sum of kappa. A leaf
// whose 64 uplinks cover 40 spines once or twice caps theta at 40/64.
//
// Detour: feeder l first splits by its own capacities (rho_l(s) = cap(l, s) / up_l), then moves the difference
// inflow_l (rho_l - pi) from the hubs it over-serves to those it under-serves, hub s -> another feeder -> hub t,
// over capacity that feeder's own share leaves free (leaves of a partly filled leaf group). The detours of all
// feeders run at once, so every member lands on pi whichever members send. Each ordered hub pair's detours are
// spread over the feeders in proportion to min(cap(s, f), spare(f, t)).
//
// A link may carry landing flow both ways: the members on one side of a split use its two directions as landed
// (upward legs up, detour legs down), those on the other side take the reverse, so each direction carries
// alpha x (its own) + (1 - alpha) x (the other's) <= the larger of the two, which must fit its capacity.

export interface SpreadInput {
  /** Feeders and hubs of the block, and the capacity between them: cap[f * hubs + s] (0 = no link). */
  feeders: number;
  hubs: number;
  cap: Float64Array;
  /** Each feeder's flow when every member sends at line rate. */
  inflow: Float64Array;
}

export interface Spread {
  /** Largest share of line rate (before the caller's other limits). */
  theta: number;
  /** Landing distribution over the hubs (sums to 1). */
  pi: Float64Array;
  /** Loads at line rate (theta = 1) on each feeder -> hub direction and hub -> feeder direction. */
  up: Float64Array;
  down: Float64Array;
}

export function spreadLanding(input: SpreadInput, cap = 1): Spread | null {
  const direct = directSpread(input);
  // Nothing to gain past line rate (or past the caller's other limit).
  if (direct && direct.theta >= cap) return direct;
  const detour = detourSpread(input);
  if (!direct) return detour;
  if (!detour) return direct;
  return detour.theta > direct.theta ? detour : direct;
}

function directSpread({ feeders: F, hubs: h, cap, inflow }: SpreadInput): Spread | null {
  const kappa = new Float64Array(h).fill(Infinity);
  for (let f = 0; f < F; f++) {
    if (!(inflow[f] > 0)) continue;
    for (let s = 0; s < h; s++) kappa[s] = Math.min(kappa[s], cap[f * h + s] / inflow[f]);
  }
  let sum = 0;
  for (let s = 0; s < h; s++) {
    if (kappa[s] === Infinity) kappa[s] = 0;
    sum += kappa[s];
  }
  if (!(sum > 0)) return null;
  const pi = Float64Array.from(kappa, (k) => k / sum);
  const up = new Float64Array(F * h);
  for (let f = 0; f < F; f++) for (let s = 0; s < h; s++) up[f * h + s] = inflow[f] * pi[s];
  return { theta: sum, pi, up, down: new Float64Array(F * h) };
}

function detourSpread({ feeders: F, hubs: h, cap, inflow }: SpreadInput): Spread | null {
  const upCap = new Float64Array(F);
  for (let f = 0; f < F; f++) for (let s = 0; s < h; s++) upCap[f] += cap[f * h + s];
  const up = new Float64Array(F * h);
  const pi = new Float64Array(h);
  let total = 0;
  for (let f = 0; f < F; f++) {
    if (!(inflow[f] > 0)) continue;
    if (!(upCap[f] > 0)) return null;
    for (let s = 0; s < h; s++) {
      const x = (inflow[f] * cap[f * h + s]) / upCap[f];
      up[f * h + s] = x;
      pi[s] += x;
    }
    total += inflow[f];
  }
  if (!(total > 0)) return null;
  for (let s = 0; s < h; s++) pi[s] /= total;
  // Pair demands: each feeder's surplus at s goes to its shortfalls t in proportion.
  const demand = new Float64Array(h * h);
  const e = new Float64Array(h);
  for (let f = 0; f < F; f++) {
    if (!(inflow[f] > 0)) continue;
    let short = 0;
    for (let s = 0; s < h; s++) {
      e[s] = up[f * h + s] - inflow[f] * pi[s];
      if (e[s] < 0) short -= e[s];
    }
    if (!(short > inflow[f] * 1e-12)) continue;
    for (let s = 0; s < h; s++) {
      if (!(e[s] > 0)) continue;
      for (let t = 0; t < h; t++) if (e[t] < 0) demand[s * h + t] += (e[s] * -e[t]) / short;
    }
  }
  const down = new Float64Array(F * h);
  const extraUp = new Float64Array(F * h);
  for (let s = 0; s < h; s++) {
    for (let t = 0; t < h; t++) {
      const d = demand[s * h + t];
      if (!(d > 0)) continue;
      let weight = 0;
      for (let f = 0; f < F; f++) weight += Math.min(cap[f * h + s], Math.max(0, cap[f * h + t] - up[f * h + t]));
      // No feeder with room: spread over plain capacity (theta then drops below 1 to make room).
      const plain = !(weight > 0);
      if (plain) for (let f = 0; f < F; f++) weight += Math.min(cap[f * h + s], cap[f * h + t]);
      if (!(weight > 0)) return null;
      for (let f = 0; f < F; f++) {
        const m = plain ? Math.min(cap[f * h + s], cap[f * h + t]) : Math.min(cap[f * h + s], Math.max(0, cap[f * h + t] - up[f * h + t]));
        if (m === 0) continue;
        down[f * h + s] += (d * m) / weight;
        extraUp[f * h + t] += (d * m) / weight;
      }
    }
  }
  let theta = Infinity;
  for (let i = 0; i < F * h; i++) {
    up[i] += extraUp[i];
    if (up[i] > 0) theta = Math.min(theta, cap[i] / up[i]);
    if (down[i] > 0) theta = Math.min(theta, cap[i] / down[i]);
  }
  return { theta: Number.isFinite(theta) ? theta : 1, pi, up, down };
}
