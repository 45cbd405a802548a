// Shapes of the indicator and scoring endpoints (issue 12 deliver 8) as the dashboard reads
// them: z.infer of the server's own response schemas (@cqs/shared/indicators/api.schema and
// scoring.schema), so a field the server renames breaks the web's typecheck, not a page.
import type { IndicatorItem, IndicatorList, ValuesReply } from '@cqs/shared/indicators/api.schema';
import type {
  GradesReply,
  Index766Reply,
  IndicatorRankingReply,
  TrendReply,
} from '@cqs/shared/indicators/scoring.schema';
import type { z } from 'zod';

/** GET /indicators: one definition. */
export type IndicatorDefinition = z.infer<typeof IndicatorItem>;
export type IndicatorListReply = z.infer<typeof IndicatorList>;

/** GET /indicators/{code}/values: one value; `children` with `children=true`. */
export type IndicatorValue = z.infer<typeof ValuesReply>;

/** GET /indicators/{code}/trend: twelve months, the year-end forecast and the target's risk. */
export type IndicatorTrend = z.infer<typeof TrendReply>;

/** GET /indicators/{code}/ranking: one unit's place. */
export type RankingRow = z.infer<typeof IndicatorRankingReply>['items'][number];

/** GET /plans/{id}/grades: one target's grade. */
export type TargetGrade = z.infer<typeof GradesReply>['items'][number];

/** GET /units/{code}/index-766. */
export type Index766 = z.infer<typeof Index766Reply>;
