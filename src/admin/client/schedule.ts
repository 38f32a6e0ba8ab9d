/**
 * Times in the reader's own zone: <time data-local> shows local time, and the schedule form sends
 * the datetime-local value as ISO with this browser's offset plus its IANA zone. Without this
 * script the server reads the input as UTC, as the hint says.
 */
const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "+01:00" for a Date in this browser's zone. */
export function offsetOf(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A datetime-local value ("2026-03-31T09:00") as ISO with this browser's offset at that moment. */
export function withOffset(local: string): string | undefined {
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return undefined;
  return `${local.length === 16 ? `${local}:00` : local}${offsetOf(date)}`;
}

export function localizeTimes(root: ParentNode = document) {
  const format = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  for (const time of root.querySelectorAll<HTMLTimeElement>('time[data-local]')) {
    const date = new Date(time.dateTime);
    if (!Number.isNaN(date.getTime())) {
      time.title = time.textContent ?? '';
      time.textContent = format.format(date);
    }
  }
}

export function enhanceSchedule(form: HTMLFormElement) {
  const input = document.querySelector<HTMLInputElement>('input[form="schedule-form"][name="at"]');
  const hint = document.querySelector<HTMLElement>('[data-local-hint]');
  if (hint) hint.textContent = `In your time zone (${zone()}, UTC${offsetOf(new Date())}).`;
  // The server rendered the earliest time in UTC; the input now means local time.
  if (input?.min) {
    const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000);
    input.min = now.toISOString().slice(0, 16);
  }
  form.addEventListener('submit', () => {
    const iso = input?.value ? withOffset(input.value) : undefined;
    form.querySelector<HTMLInputElement>('input[name="datetime"]')!.value = iso ?? '';
    form.querySelector<HTMLInputElement>('input[name="timezone"]')!.value = zone();
  });
}
