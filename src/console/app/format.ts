/** How the console writes times, ids and enum values. */
const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export const formatDay = (iso: string) => day.format(new Date(iso));
export const formatClock = (iso: string) => clock.format(new Date(iso));
export const formatTime = (iso: string) => `${formatDay(iso)}, ${formatClock(iso)}`;

/** The first block of a UUID, enough to tell rows apart; the whole id is in the title. */
export const shortId = (id: string) => id.slice(0, 8);

/** `DRIVER_VEHICLE_ASSOCIATION` → `driver vehicle association`. */
export const words = (value: string | null | undefined) => (value ?? '').toLowerCase().replaceAll('_', ' ');
