import { cfpState, timeLeft, type CfpWindow } from "@/lib/events/cfp";
import { ZonedTime } from "@/components/ui/ZonedTime";

/**
 * When a call for papers opens and closes, in the event's zone and the reader's:
 * both dates while it is upcoming, the close (and, in its last week, the time
 * left) while it is open, when it closed after that.
 */
export function CfpWindowText({ event }: { event: CfpWindow & { timeZone: string } }) {
  const at = (d: Date) => <ZonedTime iso={d.toISOString()} timeZone={event.timeZone} />;
  const state = cfpState(event);
  const left = timeLeft(event);
  return (
    <p className="muted">
      {state === "upcoming" && (
        <>
          Opens {at(event.cfpOpensAt)}
          <br />
          Closes {at(event.cfpClosesAt)}
        </>
      )}
      {state === "open" && (
        <>
          Closes {at(event.cfpClosesAt)}
          {left && (
            <>
              <br />
              <strong>{left}</strong>
            </>
          )}
        </>
      )}
      {state === "closed" && <>Closed {at(event.cfpClosesAt)}</>}
    </p>
  );
}
