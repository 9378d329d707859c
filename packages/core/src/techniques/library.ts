/**
 * The technique library (issue 8): non-drug techniques a patient can do at home, described in
 * our own plain words, and the therapies done elsewhere that a patient can log. The wording says
 * how to do each one and what to notice — it makes no claim that a technique treats anything.
 * Where the reference supports a technique (JCPG-2025 Rec 10: offer or refer for CBT and CBT-I)
 * it is cited. None of this text has been clinically reviewed yet (`reviewed: false`).
 */
import { cite, type SourceRef } from '../sources.js';

export const TECHNIQUE_IDS = [
  'paced-breathing',
  'body-scan',
  'progressive-muscle-relaxation',
  'gentle-stretching',
  'walking-pacing',
  'heat-cold',
  'sleep-routine',
  'thought-record',
] as const;
export type TechniqueId = (typeof TECHNIQUE_IDS)[number];

export const ELSEWHERE_THERAPY_IDS = [
  'physical-therapy',
  'acupuncture',
  'massage',
  'other',
] as const;
export type ElsewhereTherapyId = (typeof ELSEWHERE_THERAPY_IDS)[number];

/** Any id a technique session may name: a library technique or a therapy done elsewhere. */
export type SessionTechniqueId = TechniqueId | ElsewhereTherapyId;
export const SESSION_TECHNIQUE_IDS: readonly SessionTechniqueId[] = [
  ...TECHNIQUE_IDS,
  ...ELSEWHERE_THERAPY_IDS,
];

/** A paced-breathing pacer: breaths per minute (adjustable) and the inhale's share of a breath. */
export interface BreathingScript {
  readonly kind: 'breathing';
  readonly defaultRate: number;
  readonly minRate: number;
  readonly maxRate: number;
  /** Inhale share of each breath (0–1); the rest is the exhale. */
  readonly inhaleShare: number;
  /** Session lengths offered, in minutes. */
  readonly durationPresetsMinutes: readonly number[];
  readonly defaultDurationMinutes: number;
}

export interface ScriptStep {
  readonly id: string;
  readonly text: string;
  readonly seconds: number;
}

/** A step-by-step timer: one step at a time, each with its own length. */
export interface StepsScript {
  readonly kind: 'steps';
  readonly steps: readonly ScriptStep[];
  /** The whole session in seconds: the steps add up to it (checked by a test). */
  readonly totalSeconds: number;
}

export type GuidedScript = BreathingScript | StepsScript;

export const REVIEW_NOTE =
  'This wording was written by the Steady team and is waiting for clinical review.';

export interface Technique {
  readonly id: TechniqueId;
  readonly kind: 'library';
  readonly title: string;
  /** One line. */
  readonly summary: string;
  /** How to do it, in order. */
  readonly steps: readonly string[];
  /** When to stop or whom to ask, where sensible. */
  readonly safety: string | null;
  /** A guided session the app can run, or null. */
  readonly script: GuidedScript | null;
  /** What the reference says in support, if anything (never a claim beyond it). */
  readonly sources: readonly SourceRef[];
  readonly reviewed: boolean;
  readonly reviewNote: string;
}

export interface ElsewhereTherapy {
  readonly id: ElsewhereTherapyId;
  readonly kind: 'elsewhere';
  readonly title: string;
  readonly summary: string;
  readonly reviewed: boolean;
  readonly reviewNote: string;
}

const REC_10 = cite('JCPG-2025', 'C', 'Rec 10');
const FALLS = cite('SEC-LABEL', 'P', 'Falls (postmarketing)');
const STOP_IF_WORSE =
  'Stop if your pain gets sharply worse, and check with your physical therapist or doctor before you try again.';
const UNSTEADY =
  'Diazepam can make you drowsy or unsteady, and falls have been reported in people taking it: hold on to something steady and take your time.';

const unreviewed = { reviewed: false, reviewNote: REVIEW_NOTE } as const;

function steps(
  totalSeconds: number,
  list: readonly (readonly [string, string, number])[],
): StepsScript {
  const s = list.map(([id, text, seconds]) => ({ id, text, seconds }));
  return { kind: 'steps', steps: s, totalSeconds };
}

/** Ten minutes. */
const BODY_SCAN = steps(600, [
  ['settle', 'Lie down or sit comfortably. Let your eyes close or rest your gaze on one spot.', 60],
  ['breath', 'Notice your breath going in and out. You do not need to change it.', 60],
  [
    'feet',
    'Bring your attention to your feet. Notice warmth, coolness, pressure or nothing at all.',
    60,
  ],
  ['legs', 'Move your attention up through your lower legs and knees to your thighs.', 60],
  [
    'hips-back',
    'Notice your hips, your lower back and where your body touches the surface under you.',
    60,
  ],
  ['belly-chest', 'Notice your belly and chest rising and falling as you breathe.', 60],
  ['hands-arms', 'Move to your hands, then your arms, up to your shoulders.', 60],
  ['neck-face', 'Notice your neck, your jaw, your face and the top of your head.', 60],
  [
    'whole',
    'Notice your whole body at once. If a place hurts, notice it and let your attention move on.',
    60,
  ],
  ['return', 'Wiggle your fingers and toes. Open your eyes when you are ready.', 60],
]);

/** Seven minutes. */
const PMR = steps(420, [
  ['settle', 'Sit or lie comfortably. Breathe slowly for a moment.', 30],
  [
    'hands',
    'Make fists gently, hold for about 5 seconds, then let go and notice the difference for a while.',
    45,
  ],
  [
    'arms',
    'Bend your elbows and tighten your upper arms gently. Hold, then let go and notice.',
    45,
  ],
  ['shoulders', 'Lift your shoulders toward your ears. Hold, then let them drop and notice.', 45],
  ['face', 'Squeeze your eyes and scrunch your face gently. Hold, then let go and notice.', 45],
  ['belly', 'Tighten your belly muscles gently. Hold, then let go and notice.', 45],
  [
    'legs',
    'Press your knees together or tighten your thighs gently. Hold, then let go and notice.',
    45,
  ],
  ['feet', 'Point or curl your toes gently. Hold, then let go and notice.', 45],
  ['rest', 'Rest and breathe. Notice how your body feels now.', 75],
]);

export const TECHNIQUES: Readonly<Record<TechniqueId, Technique>> = {
  'paced-breathing': {
    id: 'paced-breathing',
    kind: 'library',
    title: 'Paced breathing',
    summary: 'Breathe slowly in time with a calm circle.',
    steps: [
      'Sit or lie in a comfortable position.',
      'Breathe in gently through your nose while the circle grows.',
      'Breathe out slowly while the circle shrinks. Let the out-breath be a little longer.',
      'If you feel light-headed, choose a faster pace or breathe normally for a while.',
      'Notice how your body feels before and after.',
    ],
    safety: 'If you feel dizzy or short of breath, stop and breathe normally.',
    script: {
      kind: 'breathing',
      defaultRate: 6,
      minRate: 4,
      maxRate: 10,
      inhaleShare: 0.4,
      durationPresetsMinutes: [1, 3, 5, 10],
      defaultDurationMinutes: 5,
    },
    sources: [],
    ...unreviewed,
  },
  'body-scan': {
    id: 'body-scan',
    kind: 'library',
    title: 'Mindfulness body scan',
    summary: 'Move your attention slowly through your body, noticing without judging.',
    steps: [
      'Find a quiet place and a comfortable position.',
      'Move your attention slowly from your feet to your head.',
      'In each place, notice what is there: warmth, tension, tingling, or nothing.',
      'When your mind wanders, that is normal. Gently come back to where you were.',
    ],
    safety: null,
    script: BODY_SCAN,
    sources: [],
    ...unreviewed,
  },
  'progressive-muscle-relaxation': {
    id: 'progressive-muscle-relaxation',
    kind: 'library',
    title: 'Progressive muscle relaxation',
    summary: 'Tighten one group of muscles gently, then let go and notice the difference.',
    steps: [
      'Sit or lie comfortably.',
      'Tighten one group of muscles gently — not hard — for about 5 seconds.',
      'Let go all at once and notice how the muscles feel for a while.',
      'Move on to the next group, from your hands to your feet.',
      'Skip any part that hurts.',
    ],
    safety: STOP_IF_WORSE,
    script: PMR,
    sources: [],
    ...unreviewed,
  },
  'gentle-stretching': {
    id: 'gentle-stretching',
    kind: 'library',
    title: 'Gentle stretching',
    summary: 'Slow, easy stretches within what feels comfortable.',
    steps: [
      'Warm up by moving gently for a minute or two.',
      'Stretch slowly until you feel a gentle pull, not pain.',
      'Hold for a few slow breaths, then let go.',
      'Do the stretches your physical therapist showed you, if you have some.',
    ],
    safety: `${STOP_IF_WORSE} ${UNSTEADY}`,
    script: null,
    sources: [FALLS],
    ...unreviewed,
  },
  'walking-pacing': {
    id: 'walking-pacing',
    kind: 'library',
    title: 'Walking and pacing',
    summary: 'Short, regular walks, and spreading activity through the day.',
    steps: [
      'Pick a walk you can do even on a bad day, and start with that.',
      'Walk at the same length on good days and bad days, and add a little only every few days.',
      'Split bigger jobs into smaller parts with rests in between.',
      'Notice how you feel that evening and the next day.',
    ],
    safety: `${STOP_IF_WORSE} ${UNSTEADY}`,
    script: null,
    sources: [FALLS],
    ...unreviewed,
  },
  'heat-cold': {
    id: 'heat-cold',
    kind: 'library',
    title: 'Heat or cold',
    summary: 'A warm pack or a cool pack on a sore place for a short while.',
    steps: [
      'Wrap the warm or cool pack in a cloth. Never put it straight on your skin.',
      'Use it for about 15 to 20 minutes, then take it off.',
      'Check your skin. Stop if it is very red, pale, blistered or numb.',
      'Notice whether heat or cold feels better for you.',
    ],
    safety:
      'Do not fall asleep with a heat pack on. Diazepam can make you drowsy, and some people feel heat or cold less.',
    script: null,
    sources: [],
    ...unreviewed,
  },
  'sleep-routine': {
    id: 'sleep-routine',
    kind: 'library',
    title: 'A sleep routine',
    summary: 'Simple habits from CBT for insomnia (CBT-I): a steady rhythm for sleep.',
    steps: [
      'Get up at the same time every day, even after a bad night.',
      'Go to bed when you feel sleepy, not just tired.',
      'If you are awake in bed for a long time, get up and do something calm in dim light, then go back.',
      'Use the bed for sleep, not for screens or worrying.',
      'Keep caffeine for the morning.',
      'Ask your care team about CBT-I with a trained therapist.',
    ],
    safety: null,
    script: null,
    sources: [REC_10],
    ...unreviewed,
  },
  'thought-record': {
    id: 'thought-record',
    kind: 'library',
    title: 'Thought record (CBT)',
    summary: 'Write down a hard moment, the thought that came, and another way to see it.',
    steps: [
      'Write the situation: what happened, where, when.',
      'Write the thought that came up, in your own words.',
      'Write how you felt and how strong it was, from 0 to 10.',
      'Write what supports the thought and what does not.',
      'Write another way to see it, then rate the feeling again.',
      'Your psychologist can go through your records with you.',
    ],
    safety: null,
    script: null,
    sources: [REC_10],
    ...unreviewed,
  },
};

export const ELSEWHERE_THERAPIES: Readonly<Record<ElsewhereTherapyId, ElsewhereTherapy>> = {
  'physical-therapy': {
    id: 'physical-therapy',
    kind: 'elsewhere',
    title: 'Physical therapy session',
    summary: 'A session with a physical therapist or physiotherapist.',
    ...unreviewed,
  },
  acupuncture: {
    id: 'acupuncture',
    kind: 'elsewhere',
    title: 'Acupuncture',
    summary: 'A session with an acupuncturist.',
    ...unreviewed,
  },
  massage: {
    id: 'massage',
    kind: 'elsewhere',
    title: 'Massage',
    summary: 'A session with a massage therapist.',
    ...unreviewed,
  },
  other: {
    id: 'other',
    kind: 'elsewhere',
    title: 'Other therapy',
    summary: 'Another therapy done elsewhere.',
    ...unreviewed,
  },
};

export function isTechniqueId(value: string): value is TechniqueId {
  return (TECHNIQUE_IDS as readonly string[]).includes(value);
}

export function isElsewhereTherapyId(value: string): value is ElsewhereTherapyId {
  return (ELSEWHERE_THERAPY_IDS as readonly string[]).includes(value);
}

/** The library technique with this id, or undefined (inherited names such as `toString` too). */
export function getTechnique(id: string): Technique | undefined {
  return isTechniqueId(id) ? TECHNIQUES[id] : undefined;
}

/** The title of any session technique id (library or elsewhere). */
export function sessionTechniqueTitle(id: SessionTechniqueId): string {
  return isTechniqueId(id) ? TECHNIQUES[id].title : ELSEWHERE_THERAPIES[id].title;
}

/**
 * Inhale and exhale lengths in milliseconds for a breathing rate, clamped to the script's range
 * (a rate outside it is never used).
 */
export function breathTimings(
  script: BreathingScript,
  ratePerMinute: number,
): { readonly inhaleMs: number; readonly exhaleMs: number; readonly rate: number } {
  const rate = Math.min(script.maxRate, Math.max(script.minRate, ratePerMinute));
  const breathMs = 60_000 / rate;
  const inhaleMs = Math.round(breathMs * script.inhaleShare);
  return { inhaleMs, exhaleMs: Math.round(breathMs) - inhaleMs, rate };
}
