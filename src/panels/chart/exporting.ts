/**
 * Exporting a chart as it is drawn: SVG (styles inlined, canvas layers embedded as images), PNG
 * (the SVG rendered onto a canvas at twice the size) and CSV text.
 */

/** Properties copied from the computed style onto each exported element (CSS variables resolved). */
const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility'];

/**
 * A standalone SVG document of a chart: the chart's SVG with every element's computed style
 * inlined, and each canvas layer embedded as an image at its place.
 */
export function chartSvg(svg: SVGSVGElement, canvases: HTMLCanvasElement[], background: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = svg.querySelectorAll('*');
  const target = clone.querySelectorAll('*');
  source.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    (target[i] as SVGElement).setAttribute('style', style);
  });
  clone.querySelectorAll('[data-export="skip"]').forEach((el) => el.remove());
  const ns = 'http://www.w3.org/2000/svg';
  clone.setAttribute('xmlns', ns);
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute('fill', background);
  clone.insertBefore(bg, clone.firstChild);
  const host = svg.getBoundingClientRect();
  for (const canvas of canvases) {
    const box = canvas.getBoundingClientRect();
    const image = document.createElementNS(ns, 'image');
    image.setAttribute('x', String(box.left - host.left));
    image.setAttribute('y', String(box.top - host.top));
    image.setAttribute('width', String(box.width));
    image.setAttribute('height', String(box.height));
    image.setAttribute('preserveAspectRatio', 'none');
    image.setAttribute('href', canvas.toDataURL('image/png'));
    clone.insertBefore(image, bg.nextSibling);
  }
  return new XMLSerializer().serializeToString(clone);
}

/** Renders SVG text to a PNG at `scale` times its size. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** CSV text: a header row and data rows; numbers at full precision, text quoted when needed. */
export function toCsv(header: string[], rows: Iterable<ArrayLike<number | string>>): string {
  const cell = (v: number | string) => (typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [header.map(cell).join(',')];
  for (const row of rows) lines.push(Array.from(row, cell).join(','));
  return lines.join('\n') + '\n';
}
