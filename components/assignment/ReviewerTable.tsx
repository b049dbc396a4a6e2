import type { FormState } from "@/lib/forms/result";
import { ReviewerPreferencesForm } from "./ReviewerPreferencesForm";

type Row = {
  memberId: string;
  person: { name: string | null; email: string };
  assigned: number;
  reviewed: number;
  cap: number | null;
  preferredTrackIds: string[];
};

type Props = {
  reviewers: Row[];
  tracks: { id: string; name: string }[];
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
};

/** Each reviewer's load on proposals under review, cap and preferred tracks, editable in place. */
export function ReviewerTable({ reviewers, tracks, action }: Props) {
  const trackName = new Map(tracks.map((t) => [t.id, t.name]));
  return (
    <div className="table-wrap">
      <table>
        <caption className="muted" style={{ textAlign: "left", padding: ".6rem .75rem" }}>
          Counts are of proposals still under review.
        </caption>
        <thead>
          <tr>
            <th scope="col">Reviewer</th>
            <th scope="col" className="num">
              Assigned
            </th>
            <th scope="col" className="num">
              Reviewed
            </th>
            <th scope="col" className="num">
              Cap
            </th>
            <th scope="col">Preferred tracks</th>
            <th scope="col">Settings</th>
          </tr>
        </thead>
        <tbody>
          {reviewers.map((r) => {
            const who = r.person.name || r.person.email;
            return (
              <tr key={r.memberId}>
                <td>{who}</td>
                <td className="num">{r.assigned}</td>
                <td className="num">{r.reviewed}</td>
                <td className="num">{r.cap ?? <span className="muted">none</span>}</td>
                <td>
                  {r.preferredTrackIds.length === 0 ? (
                    <span className="muted">any</span>
                  ) : (
                    r.preferredTrackIds
                      .map((id) => trackName.get(id))
                      .filter(Boolean)
                      .join(", ")
                  )}
                </td>
                <td>
                  <details>
                    <summary aria-label={`Edit cap and tracks of ${who}`} style={{ cursor: "pointer" }}>
                      Edit
                    </summary>
                    <ReviewerPreferencesForm
                      action={action}
                      memberId={r.memberId}
                      reviewCap={r.cap}
                      trackIds={r.preferredTrackIds}
                      tracks={tracks}
                    />
                  </details>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
