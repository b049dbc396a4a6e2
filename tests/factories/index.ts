export { createUser, createSpeaker, type UserTraits } from "./users";
export {
  createEvent,
  createOrganization,
  addReviewer,
  addOrganizer,
  cfpWindow,
  type CfpState,
  type EventFixture,
  type EventTraits,
} from "./events";
export { createProposal, RUST_TALKS, type ProposalFixture, type ProposalStatusTrait, type ProposalTraits } from "./proposals";
export { createReview, type ReviewTraits } from "./reviews";
export {
  assignProposal,
  createOutsider,
  createProposalConflict,
  createSpeakerConflict,
  OUTSIDERS,
  type OutsiderKind,
  type ProposalConflictTraits,
  type SpeakerConflictTraits,
} from "./conflicts";
export { createInvitation, type InvitationTraits } from "./cospeakers";
export { proposalIdentifiers, bulkProposalIdentifiers } from "./identifiers";
