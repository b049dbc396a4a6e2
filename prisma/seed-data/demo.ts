// The demo conference: people, event and which abstract each speaker submitted.
// Abstract texts come from abstracts.txt (the sample abstracts our first users gave us).

export const DEMO_EVENT = {
  name: "RustFest Lyon 2027",
  slug: "rustfest-lyon-2027",
  timeZone: "Europe/Paris",
  description: [
    "Two days of talks about **Rust**: systems, async, tooling and the community around them.",
    "",
    "We welcome first-time speakers. Reviews are anonymous: please do not name yourself in the abstract.",
  ].join("\n"),
  sessionTypes: [
    { name: "Talk", durationMinutes: 30 },
    { name: "Deep dive", durationMinutes: 45 },
    { name: "Lightning talk", durationMinutes: 10 },
  ],
  tracks: ["Systems & performance", "Async & concurrency", "Tooling & ecosystem"],
  criteria: [
    { name: "Relevance", description: "Will our audience care, and is it about Rust?", minScore: 1, maxScore: 5, weight: 2 },
    { name: "Clarity", description: "Does the abstract say what attendees will learn?", minScore: 1, maxScore: 5, weight: 1 },
    { name: "Originality", description: "Is this new, or a fresh angle on a known topic?", minScore: 1, maxScore: 5, weight: 1 },
  ],
  ratingGuide: [
    "Score what the abstract says, not who you guess wrote it.",
    "",
    "- **5**: must have; **4**: strong; **3**: fine; **2**: weak; **1**: not for us.",
    "- Use “no opinion” when a criterion is outside what you can judge.",
  ].join("\n"),
};

export const ORGANIZER = { email: "olivia@example.com", name: "Olivia Laurent" };
export const REVIEWERS = [
  { email: "ravi@example.com", name: "Ravi Menon" },
  // Works where a speaker works: the organizer sees an affiliation flag to confirm or dismiss.
  { email: "rosa@example.com", name: "Rosa Jiménez", company: "Linkwerk GmbH" },
  { email: "remi@example.com", name: "Rémi Fontaine" },
];
export const SPEAKERS = [
  { email: "mara@example.com", name: "Mara Chen", company: "Ferrous Labs", bio: "Works on lock-free data structures." },
  { email: "jonas@example.com", name: "Jonas Weber", company: "Linkwerk", bio: "Compiler toolchain tinkerer." },
  { email: "priya@example.com", name: "Priya Nair", company: "CrabHub", bio: "Builds developer platforms." },
  { email: "tomas@example.com", name: "Tomás Ortega", company: "", bio: "Teaches concurrency to backend teams." },
  { email: "lea@example.com", name: "Léa Novak", company: "Axiom Web", bio: "Axum in production since 0.1." },
  { email: "sam@example.com", name: "Sam Okafor", company: "", bio: "Contributor to libcore." },
];

type Seeded = {
  title: string;
  /** The abstract is every line of abstracts.txt that starts with one of these. */
  startsWith: string[];
  speaker: string;
  sessionType: string;
  track: string;
  level: "BEGINNER" | "INTERMEDIATE" | "ADVANCED";
  /** Scores by reviewer email, one per criterion of DEMO_EVENT.criteria, in order. */
  scores: Record<string, number[]>;
};

export const PROPOSALS: Seeded[] = [
  {
    title: "Why is coordination expensive? Down to the cache line",
    startsWith: ["Modern hardware", "But _why_"],
    speaker: "mara@example.com",
    sessionType: "Deep dive",
    track: "Async & concurrency",
    level: "ADVANCED",
    scores: { "ravi@example.com": [5, 4, 5], "rosa@example.com": [4, 4, 3], "remi@example.com": [5, 5, 4] },
  },
  {
    title: "LTO in the wild: lessons from upstreaming link-time optimization",
    startsWith: ["I contributed LTO"],
    speaker: "jonas@example.com",
    sessionType: "Talk",
    track: "Tooling & ecosystem",
    level: "INTERMEDIATE",
    scores: { "ravi@example.com": [3, 4, 2], "remi@example.com": [4, 3, 4] },
  },
  {
    title: "Taming private crates with CrabHub",
    startsWith: ["As Rust projects grow"],
    speaker: "priya@example.com",
    sessionType: "Talk",
    track: "Tooling & ecosystem",
    level: "BEGINNER",
    scores: { "remi@example.com": [2, 3, 1] },
  },
  {
    title: "Rust channels, from sync to async",
    startsWith: ["We’ll take a deep dive into Rust channels"],
    speaker: "tomas@example.com",
    sessionType: "Talk",
    track: "Async & concurrency",
    level: "BEGINNER",
    scores: { "ravi@example.com": [4, 5, 3], "remi@example.com": [3, 3, 2] },
  },
  {
    title: "Claude Code meets Axum: AI pair programming without giving up correctness",
    startsWith: ["In this talk, we’ll explore battle-tested"],
    speaker: "lea@example.com",
    sessionType: "Talk",
    track: "Tooling & ecosystem",
    level: "INTERMEDIATE",
    scores: {},
  },
  {
    title: "Four implementations of Option::as_slice",
    startsWith: ["In 2024, I added"],
    speaker: "sam@example.com",
    sessionType: "Talk",
    track: "Systems & performance",
    level: "INTERMEDIATE",
    scores: { "rosa@example.com": [5, 4, 5] },
  },
  {
    title: "An async runtime with nothing but std",
    startsWith: ["During this talk we'll build"],
    speaker: "tomas@example.com",
    sessionType: "Lightning talk",
    track: "Async & concurrency",
    level: "BEGINNER",
    scores: {},
  },
];

// The published programme: invited talks, confirmed before the CFP closes, on
// 27–28 March 2027 in Lyon. Clocks in Europe/Paris go forward in the night to
// Sunday 28 March, so the two days have different UTC offsets. Invited
// speakers are not demo accounts (the sign-in page lists the CFP's people).
export const CONFERENCE = {
  startsOn: "2027-03-27",
  endsOn: "2027-03-28",
  venue: "Centre de Congrès de Lyon, 50 quai Charles de Gaulle",
  rooms: [
    { name: "Amphithéâtre Lumière", capacity: 900 },
    { name: "Salle Rhône", capacity: 250 },
    { name: "Salle Saône", capacity: 120 },
  ],
};
export const INVITED_SPEAKERS = [
  { email: "aiko@example.com", name: "Aiko Tanaka", bio: "Rust compiler team alumna; writes about language design." },
  { email: "bruno@example.com", name: "Bruno Marchetti", bio: "Runs embedded Rust on production lines in Turin." },
  { email: "chloe@example.com", name: "Chloé Dubois", bio: "Bridges C++ and Rust at a Lyon robotics company." },
  { email: "dev@example.com", name: "Dev Patel", bio: "Observability engineer; maintains a tracing exporter." },
];
type Slot = { room: number; start: string };
export const INVITED_TALKS: {
  title: string;
  abstract: string;
  speaker: string;
  cospeakers?: string[];
  sessionType: string;
  track: string;
  slot: Slot;
}[] = [
  {
    title: "Opening keynote: what ten years of Rust 1.0 taught us",
    abstract: "Stability without stagnation: the editions, the RFC process and the trade-offs that kept Rust growing for a decade.",
    speaker: "aiko@example.com",
    sessionType: "Deep dive",
    track: "Tooling & ecosystem",
    slot: { room: 0, start: "2027-03-27T09:30" },
  },
  {
    title: "Embedded Rust on the factory floor",
    abstract: "Two years of no_std firmware driving conveyor belts: what the type system caught, and what it could not.",
    speaker: "bruno@example.com",
    cospeakers: ["chloe@example.com"],
    sessionType: "Talk",
    track: "Systems & performance",
    slot: { room: 1, start: "2027-03-27T10:30" },
  },
  {
    title: "Five minutes of const generics",
    abstract: "Arrays of any length, checked at compile time: a quick tour with three examples you can use on Monday.",
    speaker: "dev@example.com",
    sessionType: "Lightning talk",
    track: "Systems & performance",
    slot: { room: 2, start: "2027-03-27T14:00" },
  },
  {
    title: "Fearless FFI: calling C++ without losing sleep",
    abstract: "cxx, autocxx and hand-written bindings compared on a real robotics codebase, with the bugs each one prevented.",
    speaker: "chloe@example.com",
    sessionType: "Talk",
    track: "Systems & performance",
    slot: { room: 0, start: "2027-03-28T10:00" },
  },
  {
    title: "Profiling async services in production",
    abstract: "tokio-console, tracing and flame graphs on a service handling 40k requests a second: finding the slow await.",
    speaker: "dev@example.com",
    sessionType: "Talk",
    track: "Async & concurrency",
    slot: { room: 2, start: "2027-03-28T10:00" },
  },
];
export const BREAKS: { title: string; durationMinutes: number; guid: string; slot: Slot }[] = [
  { title: "Lunch", durationMinutes: 60, guid: "6a0c5f1e-2b7d-4c38-9e41-3f5a7b9c1d01", slot: { room: 0, start: "2027-03-27T12:30" } },
  {
    title: "Coffee break",
    durationMinutes: 30,
    guid: "6a0c5f1e-2b7d-4c38-9e41-3f5a7b9c1d02",
    slot: { room: 0, start: "2027-03-28T11:00" },
  },
];

/**
 * The demo's own questions (lib/questions): asked in the proposal form. Each
 * speaker's answers are picked by their position in SPEAKERS, so the seed
 * stays deterministic.
 */
export const QUESTIONS = [
  {
    target: "SUBMISSION",
    variant: "BOOLEAN",
    question: "Do you agree to follow the RustFest Lyon code of conduct?",
    helpText: "Read it at https://rustfest.example.org/coc before you submit.",
    requirement: "REQUIRED",
    visibleToReviewers: false,
    personalData: false,
    options: [],
  },
  {
    target: "SPEAKER",
    variant: "CHOICES",
    question: "Do you need travel support?",
    helpText: "We cover travel and hotel for speakers who ask; the answer never affects the review.",
    requirement: "OPTIONAL",
    visibleToReviewers: false,
    personalData: true,
    options: ["No, my company covers it", "Travel only", "Travel and hotel"],
  },
  {
    target: "SPEAKER",
    variant: "BOOLEAN",
    question: "Is this your first conference talk?",
    helpText: "First-time speakers get a mentor to rehearse with.",
    requirement: "OPTIONAL",
    visibleToReviewers: true,
    personalData: false,
    options: [],
  },
] as const;

/** The organizers' tags (lib/tags), each on the proposals with these titles. */
export const TAGS: { name: string; color: string; public: boolean; titles: string[] }[] = [
  {
    name: "First-time speaker",
    color: "#2f855a",
    public: false,
    titles: ["Taming private crates with CrabHub", "Four implementations of Option::as_slice"],
  },
  {
    name: "Deep async",
    color: "#1f6feb",
    public: true,
    titles: [
      "Rust channels, from sync to async",
      "An async runtime with nothing but std",
      "Why is coordination expensive? Down to the cache line",
    ],
  },
  {
    name: "Sponsor talk?",
    color: "#b7791f",
    public: false,
    titles: ["Claude Code meets Axum: AI pair programming without giving up correctness"],
  },
];
