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
