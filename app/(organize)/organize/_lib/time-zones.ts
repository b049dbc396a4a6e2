/** Every IANA time zone this server knows, plus UTC and the current value, for the event form's select. */
export function timeZoneOptions(current?: string): string[] {
  const zones = new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  if (current) zones.add(current);
  return [...zones];
}
