/** ECharts with only the parts the page uses, so the bundle stays small. */
import { BarChart, CustomChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, CustomChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

/** A chart in `host` that follows the window's size; the previous chart in the same host is disposed of. */
export function chartIn(host: HTMLElement): echarts.ECharts {
  echarts.getInstanceByDom(host)?.dispose();
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  new ResizeObserver(() => chart.resize()).observe(host);
  return chart;
}

export { echarts };
