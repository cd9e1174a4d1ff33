// The read-only SVG drawing of a layout (d3): row labels, server boxes, links coloured by medium (parallel
// links drawn once, thicker, with their count), nodes shaped by kind. Tooltips carry the details.
import { drag, select, symbol, type Selection } from 'd3';
import type { FabricLayout, LayoutEdge, LayoutItem } from './fabric-layout.js';
import { KIND_STYLE, MEDIUM_STYLE } from './palette.js';

export const LABEL_GUTTER = 150;
const MAX_COUNT_LABELS = 12;

/** Straight segments between rows; within a row an arc above it, so a link never runs through its neighbours. */
function edgePath(items: LayoutItem[], offset: number): string {
  const points = items.map((it) => ({ x: it.x + offset, y: it.y }));
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1];
    const q = points[i];
    if (items[i - 1] === items[i]) {
      d += ` c-46,-26 -46,26 0,0`;
    } else if (Math.abs(p.y - q.y) < 1) {
      const bulge = Math.min(60, 12 + Math.abs(q.x - p.x) * 0.25);
      d += ` Q${(p.x + q.x) / 2},${p.y - bulge} ${q.x},${q.y}`;
    } else {
      d += ` L${q.x},${q.y}`;
    }
  }
  return d;
}

/** Beside the middle of a bundle's first segment, on the right of the line, so the line does not cross it. */
function countLabelAt(p: LayoutItem, q: LayoutItem, offset: number): { x: number; y: number; anchor: string } {
  if (p === q) return { x: p.x + offset - 48, y: p.y + 4, anchor: 'end' };
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const len = Math.hypot(dx, dy);
  // The normal that points right (or down for a level segment).
  let nx = -dy / len;
  let ny = dx / len;
  if (nx < 0 || (nx === 0 && ny < 0)) (nx = -nx), (ny = -ny);
  // Side-by-side bundles (different media between the same groups): the left one is labelled on its left.
  const side = offset < 0 ? -1 : 1;
  return { x: (p.x + q.x) / 2 + offset + side * nx * 7, y: (p.y + q.y) / 2 + side * ny * 7 + 4, anchor: side < 0 ? 'end' : 'start' };
}

function edgeTitle(e: LayoutEdge): string {
  const ends = `${e.path[0]} — ${e.path[e.path.length - 1]}`;
  const via = e.path.length > 2 ? ` via ${e.path.slice(1, -1).join(', ')}` : '';
  const what = e.count === 1 ? '1 link' : `${e.count.toLocaleString('en-US')} links`;
  return `${what} ${ends}${via}: ${MEDIUM_STYLE[e.medium].label}, ${e.gbps.toLocaleString('en-US')} Gbps in all`;
}

/** Clicks on a drawing of single devices select what was clicked (the editor's inspector shows it). */
export interface DrawingSelection {
  /** Node ids and link ids shown as selected. */
  nodes: ReadonlySet<string>;
  links: ReadonlySet<string>;
  onNode(id: string): void;
  onLinks(ids: string[]): void;
  onNothing(): void;
  /** A line drawn (dragged) from one device to another. */
  onConnect(from: string, to: string): void;
}

export function drawFabric(container: HTMLElement, layout: FabricLayout, name: string, selection?: DrawingSelection): void {
  const interactive = selection !== undefined && layout.mode === 'nodes';
  const byKey = new Map(layout.items.map((it) => [it.key, it]));
  const width = layout.width + LABEL_GUTTER;
  const root = select(container);
  root.selectAll('*').remove();
  const svg = root.append('svg')
    .attr('viewBox', `0 0 ${width} ${layout.height}`)
    .attr('width', width)
    .attr('height', layout.height)
    .attr('role', 'img')
    .attr('aria-label', `Drawing of ${name}: ${layout.items.length} ${layout.mode === 'groups' ? 'groups' : 'devices'} in ${layout.rows.length} rows, ${layout.edges.length} link bundles`);

  const rows = svg.append('g').attr('class', 'rows');
  rows.selectAll('line').data(layout.rows).join('line')
    .attr('x1', 0).attr('x2', width).attr('y1', (r) => r.y).attr('y2', (r) => r.y)
    .attr('class', 'row-rule');
  rows.selectAll('text').data(layout.rows).join('text')
    .attr('x', 6).attr('y', (r) => r.y - 10).attr('class', 'row-label')
    .text((r) => r.label);

  const plot = svg.append('g').attr('transform', `translate(${LABEL_GUTTER},0)`);
  plot.append('g').attr('class', 'servers').selectAll('g').data(layout.servers).join('g')
    .call((g) => g.append('rect')
      .attr('x', (s) => s.x0 - 14).attr('y', (s) => s.y - 16).attr('width', (s) => s.x1 - s.x0 + 28).attr('height', 32).attr('rx', 6))
    .call((g) => g.append('text').attr('x', (s) => (s.x0 + s.x1) / 2).attr('y', (s) => s.y + 30).text((s) => s.server));

  const maxCount = Math.max(1, ...layout.edges.map((e) => e.count));
  const widthOf = (e: LayoutEdge) => 1.2 + 3.5 * Math.log2(1 + e.count) / Math.log2(1 + maxCount);
  const edges = plot.append('g').attr('class', 'edges').selectAll('g').data(layout.edges).join('g')
    .attr('class', (e) => `edge${interactive && e.links.some((id) => selection.links.has(id)) ? ' selected' : ''}`);
  if (interactive) {
    // A wide transparent stroke under each bundle, so a thin line is easy to click.
    edges.append('path').attr('class', 'hit')
      .attr('d', (e) => edgePath(e.path.map((k) => byKey.get(k)!), e.offset))
      .attr('data-links', (e) => e.links.join(' '));
    // On the group: a click on the visible line or on the wide stroke under it.
    edges.on('click', (event: MouseEvent, e) => {
      event.stopPropagation();
      selection.onLinks(e.links);
    });
  }
  edges.append('path').attr('class', 'line')
    .attr('d', (e) => edgePath(e.path.map((k) => byKey.get(k)!), e.offset))
    .attr('stroke', (e) => MEDIUM_STYLE[e.medium].color)
    .attr('stroke-dasharray', (e) => MEDIUM_STYLE[e.medium].dash ?? null)
    .attr('stroke-width', widthOf)
    .attr('data-medium', (e) => e.medium)
    .append('title').text(edgeTitle);
  // Bundles carry their link count at the middle of their first segment, unless so many would overlap.
  const bundles = layout.edges.filter((e) => e.count > 1).length;
  edges.filter((e) => e.count > 1 && bundles <= MAX_COUNT_LABELS).append('text')
    .attr('class', 'edge-count')
    .each(function (e) {
      const at = countLabelAt(byKey.get(e.path[0])!, byKey.get(e.path[1])!, e.offset);
      select(this).attr('x', at.x).attr('y', at.y).style('text-anchor', at.anchor);
    })
    .text((e) => `×${e.count.toLocaleString('en-US')}`);

  const nodes = plot.append('g').attr('class', 'nodes').selectAll('g').data(layout.items).join('g')
    .attr('class', (it) => `node kind-${it.kind}${interactive && selection.nodes.has(it.key) ? ' selected' : ''}`)
    .attr('transform', (it) => `translate(${it.x},${it.y})`);
  if (interactive) {
    nodes.attr('data-node', (it) => it.key).attr('tabindex', 0).attr('role', 'button')
      .attr('aria-label', (it) => `Select ${it.label || it.key}`)
      .on('click', (event: MouseEvent, it) => {
        event.stopPropagation();
        selection.onNode(it.key);
      })
      .on('keydown', (event: KeyboardEvent, it) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          selection.onNode(it.key);
        }
      });
    nodes.insert('circle', ':first-child').attr('class', 'halo').attr('r', 13);
    svg.on('click', () => selection.onNothing());
    // Drag from a device to another to draw a link between them (a click without moving still selects).
    const ghost = plot.append('line').attr('class', 'ghost').style('display', 'none');
    (nodes as unknown as Selection<SVGGElement, LayoutItem, SVGGElement, unknown>).call(drag<SVGGElement, LayoutItem>()
      .on('start', (_event, it) => {
        ghost.attr('x1', it.x).attr('y1', it.y).attr('x2', it.x).attr('y2', it.y);
      })
      .on('drag', (event: { x: number; y: number }) => {
        ghost.style('display', null).attr('x2', event.x).attr('y2', event.y);
      })
      .on('end', (event: { sourceEvent: MouseEvent }, it) => {
        const drawn = ghost.style('display') !== 'none';
        ghost.style('display', 'none');
        if (!drawn) return;
        const { clientX, clientY } = event.sourceEvent;
        const to = document.elementFromPoint(clientX, clientY)?.closest('[data-node]')?.getAttribute('data-node');
        if (to && to !== it.key) selection.onConnect(it.key, to);
      }));
  }
  nodes.append('path')
    .attr('d', (it) => symbol(KIND_STYLE[it.kind].symbol, KIND_STYLE[it.kind].area * (layout.mode === 'groups' ? 2 : 1))())
    .attr('fill', (it) => KIND_STYLE[it.kind].color);
  nodes.append('title').text((it) => it.title);
  nodes.filter((it) => it.label !== '').append('text')
    .attr('class', 'node-label')
    .attr('y', (it) => (it.kind === 'accelerator' ? 24 : -14))
    .text((it) => it.label);
}
