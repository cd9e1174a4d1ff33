// The drawing's legend: node shapes by kind and line colours by medium, for what the drawing shows.
import { symbol } from 'd3';
import type { Medium, NodeKind } from '../../src/model/types.js';
import { h } from './dom.js';
import { KIND_STYLE, MEDIUM_STYLE } from './palette.js';

const SVG = 'http://www.w3.org/2000/svg';

function swatch(draw: (svg: SVGSVGElement) => void): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '16');
  svg.setAttribute('viewBox', '-11 -8 22 16');
  svg.setAttribute('aria-hidden', 'true');
  draw(svg);
  return svg;
}

export function renderLegend(el: HTMLElement, kinds: readonly NodeKind[], media: readonly Medium[], mode: 'nodes' | 'groups'): void {
  const items: HTMLElement[] = [];
  for (const k of kinds) {
    const s = KIND_STYLE[k];
    items.push(h('li', {}, swatch((svg) => {
      const p = document.createElementNS(SVG, 'path');
      p.setAttribute('d', symbol(s.symbol, s.area * 0.8)() ?? '');
      p.setAttribute('fill', s.color);
      svg.append(p);
    }), s.label));
  }
  for (const m of media) {
    const s = MEDIUM_STYLE[m];
    items.push(h('li', {}, swatch((svg) => {
      const l = document.createElementNS(SVG, 'line');
      l.setAttribute('x1', '-10');
      l.setAttribute('x2', '10');
      l.setAttribute('stroke', s.color);
      l.setAttribute('stroke-width', '3');
      if (s.dash) l.setAttribute('stroke-dasharray', s.dash);
      svg.append(l);
    }), s.label));
  }
  el.replaceChildren(
    h('ul', { class: 'legend' }, items),
    h('p', { class: 'muted' }, mode === 'groups'
      ? 'Too many devices to draw one by one: each shape is every device of one model in a row, each line every link between two groups.'
      : 'Parallel links are drawn once, thicker. Hover a device or a line for details.'),
  );
}
