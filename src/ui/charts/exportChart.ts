/** Export of a chart as a standalone SVG or a PNG, and plain text downloads (browser only). */
const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Inherited properties that page CSS could set; inlined where they differ from the parent's so the file looks the same. */
const INHERITED = ['fill', 'stroke', 'font-family', 'font-size', 'font-weight', 'font-style'] as const;
/** Elements whose computed style is read (the marks carry explicit attributes; text is what CSS usually touches). */
const STYLED = new Set(['svg', 'g', 'text', 'tspan']);

/** Width and height of the chart: its viewBox, else its attributes, else its box on the page. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const vb = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (vb.length === 4 && vb[2] > 0 && vb[3] > 0) return { width: vb[2], height: vb[3] };
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  if (w > 0 && h > 0) return { width: w, height: h };
  const r = svg.getBoundingClientRect();
  return { width: Math.max(1, Math.round(r.width)), height: Math.max(1, Math.round(r.height)) };
}

/** The chart as a standalone SVG document: namespaces, explicit size, white background, page styles inlined. */
export function svgToString(svg: SVGSVGElement): string {
  const { width, height } = svgSize(svg);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  clone.setAttributeNS(XMLNS_NS, 'xmlns:xlink', XLINK_NS);
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.removeAttribute('style');
  clone.removeAttribute('class');
  const doc = svg.ownerDocument;
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('x', '0');
  bg.setAttribute('y', '0');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

function inlineStyles(source: SVGSVGElement, clone: SVGSVGElement): void {
  const view = source.ownerDocument.defaultView;
  if (!view || !source.isConnected) return;
  const rootStyle = view.getComputedStyle(source);
  // the root inherits from the page: pin what the page gives it
  for (const p of [...INHERITED, 'color'] as const) if (!clone.hasAttribute(p)) clone.setAttribute(p, rootStyle.getPropertyValue(p));
  const src = source.querySelectorAll('*');
  const dst = clone.querySelectorAll('*');
  const computed = new Map<Element, CSSStyleDeclaration>([[source, rootStyle]]);
  const styleOf = (el: Element): CSSStyleDeclaration => {
    let s = computed.get(el);
    if (!s) computed.set(el, (s = view.getComputedStyle(el)));
    return s;
  };
  for (let i = 0; i < src.length && i < dst.length; i++) {
    const el = src[i];
    const parent = el.parentElement;
    if (!parent || !STYLED.has(el.localName) || !STYLED.has(parent.localName)) continue;
    const own = styleOf(el);
    const inherited = styleOf(parent);
    for (const p of INHERITED) {
      const v = own.getPropertyValue(p);
      if (!dst[i].hasAttribute(p) && v && v !== inherited.getPropertyValue(p)) dst[i].setAttribute(p, v);
    }
  }
}

/** Saves a blob under `filename` through a temporary <a download>. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(text: string, filename: string, mime = 'text/plain'): void {
  downloadBlob(new Blob([text], { type: mime.includes('charset') ? mime : `${mime};charset=utf-8` }), filename);
}

export function downloadSvg(svg: SVGSVGElement, filename: string): void {
  downloadText(svgToString(svg), filename, 'image/svg+xml');
}

/** Largest canvas side browsers reliably accept. */
const MAX_CANVAS = 16_384;

/** Renders the chart into a PNG (white background), `scale` pixels per SVG unit (reduced if the canvas would be too big). */
export function svgToPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const s = Math.max(0.1, Math.min(scale, MAX_CANVAS / width, MAX_CANVAS / height));
  const text = svgToString(svg);
  return new Promise<Blob>((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      try {
        const canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.round(width * s));
        canvas.height = Math.max(1, Math.round(height * s));
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d canvas context');
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG encoder returned nothing'))), 'image/png');
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    img.onerror = () => reject(new Error('the chart could not be rendered as an image'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  });
}

export async function downloadPng(svg: SVGSVGElement, filename: string, scale = 2): Promise<void> {
  downloadBlob(await svgToPngBlob(svg, scale), filename);
}
