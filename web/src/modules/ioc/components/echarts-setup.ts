// Apache ECharts (Apache-2.0), tree-shaken to the charts the dashboard draws. This file is only
// reached through a dynamic import (EChart.tsx), so ECharts is its own chunk: the citizen pages
// never download it (docs/architecture.md "The web shell and the JavaScript budget").
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

export { echarts };
