export {
  CHART_COLORS,
  CHART_PALETTE,
  type AxisValue,
  type ChartAria,
  type ChartAxis,
  type ChartGrid,
  type ChartOption,
  type ChartRenderOptions,
  type ChartSeries,
  type ChartTitle,
  type TimePoint,
} from './types.js';
export {
  dosePainChart,
  type DosePainDay,
  type DosePainLabels,
  type DosePainOptions,
} from './dosePain.js';
export type { LevelChartLabels, ChartLevelPoint } from './levels.js';
export {
  clinicalOverviewChart,
  type ClinicalOverviewInput,
  type ClinicalOverviewLabels,
  type OverviewChartDay,
} from './clinicalOverview.js';
export {
  taperChart,
  type TaperChartInput,
  type TaperChartLabels,
  type TaperChartStep,
} from './taper.js';
