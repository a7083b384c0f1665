/** A chart with its title, a short caption, and SVG / PNG export. Drawing happens in `draw`, after render. */
import { useEffect, useRef, type ReactNode } from 'react';
import { downloadPng, downloadSvg } from '../charts/exportChart';

export function ChartView<T>(props: {
  id: string;
  title: string;
  caption?: ReactNode;
  data: T | null;
  draw: (svg: SVGSVGElement, data: T) => void;
  controls?: ReactNode;
  dim?: boolean;
  /** what stands in for the chart while there is no data (default: waiting for results) */
  empty?: ReactNode;
}) {
  const ref = useRef<SVGSVGElement>(null);
  const { data, draw } = props;
  // each chart draws in a task of its own (not in React's commit), so that results arriving
  // for every view at once never block the main thread for the sum of all the drawings
  useEffect(() => {
    if (data === null) return;
    const handle = setTimeout(() => {
      if (!ref.current) return;
      const t0 = performance.now();
      draw(ref.current, data);
      ref.current.dataset.drawMs = (performance.now() - t0).toFixed(1);
    }, 0);
    return () => clearTimeout(handle);
  }, [data, draw]);
  return (
    <section className={`chart${props.dim ? ' stale' : ''}`} aria-labelledby={`${props.id}-h`} data-panel={props.id} data-testid={`${props.id}-chart`}>
      <div className="panel-head">
        <h2 id={`${props.id}-h`}>{props.title}</h2>
        <div className="chart-actions">
          <button type="button" onClick={() => ref.current && downloadSvg(ref.current, `${props.id}.svg`)} disabled={data === null}>
            SVG
          </button>
          <button type="button" onClick={() => ref.current && void downloadPng(ref.current, `${props.id}.png`)} disabled={data === null}>
            PNG
          </button>
        </div>
      </div>
      {props.controls}
      {data === null ? <p className="note">{props.empty ?? 'waiting for results…'}</p> : <svg ref={ref} className="chart-svg" />}
      {props.caption && <p className="note caption">{props.caption}</p>}
    </section>
  );
}
