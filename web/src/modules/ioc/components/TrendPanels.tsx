// On-time monthly trend (line, with the year-end forecast) and this month's channel share (pie).
import { useMemo } from 'react';
import { useI18n, useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { getIndicatorTrend, getIndicatorValue } from '../api/ioc.api.ts';
import { formatNumber, formatPeriod, formatRate, monthLabel } from '../lib/period.ts';
import { CHANNELS, channelIndicator } from '../lib/tiles.ts';
import { ChartPanel } from './ChartPanel.tsx';
import { EChart } from './EChart.tsx';

export function OnTimeTrendPanel({
  unit,
  year,
  dark,
}: {
  unit: string;
  year: string;
  dark?: boolean;
}) {
  const t = useT();
  const { lang } = useI18n();
  const trend = useAsync(
    (signal) => getIndicatorTrend('dossiers.on_time', unit, year, signal),
    [unit, year],
  );
  const title = t('ioc.trend.title');
  const option = useMemo(() => {
    const months = trend.data?.months ?? [];
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: months.map((m) => monthLabel(m.period, lang)) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: title,
          data: months.map((m) => m.value),
          connectNulls: false,
          lineStyle: { width: 3, color: dark ? '#8cc8ff' : '#1f5fa8' },
          itemStyle: { color: dark ? '#8cc8ff' : '#1f5fa8' },
          markLine:
            trend.data?.forecast != null
              ? {
                  symbol: 'none',
                  label: {
                    position: 'insideEndTop',
                    formatter: `${t('ioc.trend.forecast')}: ${formatRate(trend.data.forecast)}`,
                  },
                  lineStyle: { type: 'dashed', color: '#5f6b7a' },
                  data: [{ yAxis: trend.data.forecast }],
                }
              : undefined,
        },
      ],
    };
  }, [trend.data, lang, title, t, dark]);
  const table = trend.data
    ? {
        headers: [t('ioc.col.period'), t('ioc.col.rate')],
        rows: [
          ...trend.data.months.map((m) => [formatPeriod(m.period, lang), m.value]),
          ...(trend.data.forecast != null ? [[t('ioc.trend.forecast'), trend.data.forecast]] : []),
        ],
      }
    : null;
  return (
    <ChartPanel
      id="trend"
      title={title}
      subtitle={formatPeriod(year, lang)}
      loading={trend.loading}
      error={trend.error}
      onRetry={trend.reload}
      table={table}
    >
      {trend.data ? <EChart option={option} label={title} dark={dark} /> : null}
    </ChartPanel>
  );
}

export function ChannelSharePanel({
  unit,
  month,
  refresh,
  dark,
}: {
  unit: string;
  month: string;
  refresh: number;
  dark?: boolean;
}) {
  const t = useT();
  const { lang } = useI18n();
  const shares = useAsync(
    (signal) =>
      Promise.all(
        CHANNELS.map((c) => getIndicatorValue(channelIndicator(c), unit, month, { signal })),
      ),
    [unit, month, refresh],
  );
  const title = t('ioc.channels.title');
  const rows = useMemo(
    () =>
      (shares.data ?? []).map((v, i) => [
        t(`ioc.channel.${CHANNELS[i] ?? 'direct'}`),
        v.value ?? 0,
      ]) as [string, number][],
    [shares.data, t],
  );
  const option = useMemo(
    () => ({
      color: ['#1f5fa8', '#1e7b34', '#a15c00'],
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '60%'],
          center: ['50%', '45%'],
          label: {
            formatter: (p: { name: string; percent: number }) =>
              `${p.name}: ${formatNumber(p.percent, 1)}%`,
          },
          data: rows.map(([name, value]) => ({ name, value })),
        },
      ],
    }),
    [rows],
  );
  return (
    <ChartPanel
      id="channels"
      title={title}
      subtitle={formatPeriod(month, lang)}
      loading={shares.loading}
      error={shares.error}
      onRetry={shares.reload}
      table={shares.data ? { headers: [t('ioc.col.channel'), t('ioc.col.count')], rows } : null}
    >
      {shares.data ? <EChart option={option} label={title} dark={dark} /> : null}
    </ChartPanel>
  );
}
