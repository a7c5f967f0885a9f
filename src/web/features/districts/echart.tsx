import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import {
  AriaComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  GeoComponent,
  AriaComponent,
  SVGRenderer,
]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;

/**
 * One ECharts chart (SVG renderer), resized with its box. The chart is an image for assistive
 * technology (`label`); every chart on the screens has a table or list with the same figures.
 */
export function EChart({
  option,
  label,
  height = 320,
  onItemClick,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  onItemClick?: (name: string) => void;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | undefined>(undefined);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const chart = echarts.init(box, undefined, { renderer: "svg" });
    chartRef.current = chart;
    chart.on("click", (event) => {
      const data = event.data as { id?: string } | undefined;
      if (data?.id) clickRef.current?.(data.id);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = undefined;
    };
  }, []);
  useEffect(() => {
    chartRef.current?.setOption(option, true);
  }, [option]);
  return <div ref={boxRef} className="districts-chart" role="img" aria-label={label} style={{ height }} />;
}
