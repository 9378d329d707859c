import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// What the app's charts use: dose/pain bars and lines with a legend, score lines with bands.
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  SVGRenderer,
]);

/**
 * Renders an ECharts option as SVG. The chart is one image for assistive technology; the
 * page offers the same numbers as a table. Loaded lazily (`lazy(() => import(…))`), which keeps
 * ECharts out of the main bundle.
 */
export default function EChart({
  option,
  label,
  className = 'sd-chart',
}: {
  option: EChartsCoreOption;
  label: string;
  /** Sets the size; the default suits one panel. */
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => {
      chart.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} className={className} role="img" aria-label={label} />;
}
