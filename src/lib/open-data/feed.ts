/**
 * When the feed's content last changed (RSS 2.0 lastBuildDate): the newest item's publication day,
 * never later than the build date — a practice dated ahead is on the feed already, but nothing
 * changed after the build. With no items, the build date: the channel is as the build made it.
 * The same content and build date always give the same date, so a rebuild without changes writes
 * the same feed.
 */
import { latest } from './dates.ts';

export function feedLastBuildDate(published: readonly Date[], today: Date): Date {
  const newest = latest(published);
  return newest && newest.getTime() < today.getTime() ? newest : today;
}
