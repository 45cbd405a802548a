// The live tiles of the dashboard: which indicator and period each shows (issue 12 deliver 6:
// received today and this month by channel, pending, on-time rate, online share; issue 13:
// incoming documents handled on time).
import type { MessageKey } from '../../../i18n/vi.ts';
import type { CurrentPeriods } from './period.ts';

export type TileId = 'today' | 'month' | 'pending' | 'onTime' | 'online' | 'documentsOnTime';

export interface TileDef {
  id: TileId;
  title: MessageKey;
  indicator: string;
  period: keyof CurrentPeriods;
  /** A rate in percent (shown with its numerator/denominator), else a count. */
  rate?: boolean;
  /** Broken down by reception channel (dossiers.received_direct/_online/_postal). */
  channels?: boolean;
}

export const TILES: readonly TileDef[] = [
  {
    id: 'today',
    title: 'ioc.tile.today',
    indicator: 'dossiers.received',
    period: 'day',
    channels: true,
  },
  {
    id: 'month',
    title: 'ioc.tile.month',
    indicator: 'dossiers.received',
    period: 'month',
    channels: true,
  },
  { id: 'pending', title: 'ioc.tile.pending', indicator: 'dossiers.pending', period: 'day' },
  {
    id: 'onTime',
    title: 'ioc.tile.onTime',
    indicator: 'dossiers.on_time',
    period: 'year',
    rate: true,
  },
  {
    id: 'online',
    title: 'ioc.tile.online',
    indicator: 'dossiers.online',
    period: 'year',
    rate: true,
  },
  // Official documents (issue 13): incoming documents with a deadline handled on time.
  {
    id: 'documentsOnTime',
    title: 'ioc.tile.documentsOnTime',
    indicator: 'documents.on_time',
    period: 'year',
    rate: true,
  },
];

export const CHANNELS = ['direct', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The indicator counting one channel's receptions. */
export const channelIndicator = (c: Channel) => `dossiers.received_${c}`;

/** The tile titles of the indicators that changed, for the live region (unknown ones skipped). */
export function changedTileTitles(
  codes: readonly string[],
  title: (key: MessageKey) => string,
): string[] {
  const out: string[] = [];
  for (const code of codes) {
    const base = code.replace(/^dossiers\.received_(direct|online|postal)$/, 'dossiers.received');
    for (const tile of TILES)
      if (tile.indicator === base && !out.includes(title(tile.title))) out.push(title(tile.title));
  }
  return out;
}
