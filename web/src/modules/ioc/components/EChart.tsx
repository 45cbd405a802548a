// One ECharts chart, drawn once ECharts' chunk has arrived. The chart itself is an image for
// assistive technology (role="img" with a label); its data is offered as a table beside it
// (ChartPanel), which is the accessible alternative, and as CSV/XLSX.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';

type ECharts = typeof import('./echarts-setup.ts')['echarts'];
let loading: Promise<ECharts> | null = null;
function loadECharts(): Promise<ECharts> {
  loading ??= import('./echarts-setup.ts').then((m) => m.echarts);
  return loading;
}

/** What a click on a bar, point or slice reports. */
export interface ChartClick {
  name: string;
  dataIndex: number;
}

export interface EChartProps {
  /** An ECharts option object (series, axes…). */
  option: Record<string, unknown>;
  /** The accessible name: what the chart shows. */
  label: string;
  height?: number;
  onClick?: (click: ChartClick) => void;
  /** Dark wall mode: light text on dark. */
  dark?: boolean;
}

/** The chart; resizes with its box. */
export function EChart({ option, label, height = 260, onClick, dark = false }: EChartProps) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<ECharts['init']> | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const [failed, setFailed] = useState(false);

  // The chart is created once per theme; option changes are applied by the effect below.
  const firstOption = useRef(option);
  firstOption.current = option;
  useEffect(() => {
    let live = true;
    let observer: ResizeObserver | null = null;
    loadECharts().then(
      (echarts) => {
        if (!live || !box.current) return;
        const c = echarts.init(box.current, dark ? 'dark' : undefined, { renderer: 'svg' });
        c.on('click', (p: { name?: string; dataIndex?: number }) =>
          clickRef.current?.({ name: String(p.name ?? ''), dataIndex: p.dataIndex ?? -1 }),
        );
        chart.current = c;
        observer = new ResizeObserver(() => c.resize());
        observer.observe(box.current);
        c.setOption(withDefaults(firstOption.current, dark));
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    chart.current?.setOption(withDefaults(option, dark), { notMerge: true });
  }, [option, dark]);

  if (failed)
    return (
      <p className="notice notice--error" role="alert">
        {t('ioc.chart.loadFailed')}
      </p>
    );
  return (
    <div
      ref={box}
      className="ioc-chart"
      role="img"
      aria-label={label}
      style={{ height }}
      data-testid="ioc-chart"
    />
  );
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

function withDefaults(option: Record<string, unknown>, dark: boolean): Record<string, unknown> {
  return {
    animation: false,
    backgroundColor: 'transparent',
    // A concrete font (the page's --font-body): ECharts measures text on a canvas, where
    // 'inherit' means its default font, and legends then overlap.
    textStyle: { fontFamily: FONT, fontSize: dark ? 16 : 12 },
    tooltip: { trigger: 'item' },
    ...option,
    // Only charts that ask for a legend get one, in the same font.
    ...(option.legend
      ? {
          legend: {
            itemGap: 16,
            textStyle: { fontFamily: FONT, fontSize: dark ? 16 : 12 },
            ...(option.legend as Record<string, unknown>),
          },
        }
      : {}),
  };
}
