import GitHub, { type GitHubProfile } from "next-auth/providers/github";
import { normalizedOrNull } from "@/lib/auth/email-address";

/**
 * GitHub's profile, mapped as next-auth's default does, except the email:
 * normalized like the email-link provider's, so both land on one account.
 */
export function mapGitHubProfile(profile: GitHubProfile) {
  return {
    id: String(profile.id),
    name: profile.name ?? profile.login,
    email: normalizedOrNull(profile.email),
    image: profile.avatar_url,
  };
}

export const gitHubProvider = () => GitHub({ profile: mapGitHubProfile });
