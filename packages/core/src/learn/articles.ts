/**
 * Learn: short plain-language articles for patients (issue 8 item 8). Every paragraph carries
 * the sources it rests on (REFERENCE.md); nothing here goes beyond the reference, and nothing
 * suggests a dose change. Where the reference has no answer (a missed-dose instruction), the
 * article says so and sends the reader to their prescriber or pharmacist.
 */
import { DO_NOT_STOP_SUDDENLY } from '../instruments/common.js';
import { EMERGENCY } from '../signals/build.js';
import { cite, type SourceRef } from '../sources.js';

export const LEARN_ARTICLE_IDS = [
  'how-diazepam-works',
  'side-effects',
  'dependence',
  'tapering',
  'level-curve',
  'missed-dose',
] as const;

export type LearnArticleId = (typeof LEARN_ARTICLE_IDS)[number];

/** One paragraph and the citations that support every claim in it. */
export interface LearnParagraph {
  readonly text: string;
  readonly sources: readonly SourceRef[];
}

export interface LearnArticle {
  readonly id: LearnArticleId;
  readonly title: string;
  /** One line for the index. */
  readonly summary: string;
  readonly paragraphs: readonly LearnParagraph[];
}

const BOXED = 'Boxed Warning (REFERENCE §4.1)';

export const LEARN_ARTICLES: readonly LearnArticle[] = [
  {
    id: 'how-diazepam-works',
    title: 'How diazepam works',
    summary: 'What diazepam is, and why its effects build up over days.',
    paragraphs: [
      {
        text:
          'Diazepam is a benzodiazepine. Its label describes it as a useful add-on treatment to ' +
          'relieve muscle spasm, for example spasm from inflamed muscles or joints or after an ' +
          'injury, and spasticity.',
        sources: [
          cite('OPENFDA-LABEL', 'C', 'Indications and Usage (REFERENCE §3.1)'),
          cite('LABEL-TAB', 'C', `${BOXED}: benzodiazepine class`),
        ],
      },
      {
        text:
          'When you swallow a tablet, almost all of it is absorbed. The level in the blood is ' +
          'usually highest about 1 to 1½ hours later. Taking it with food slows this down a little.',
        sources: [cite('LABEL-TAB-SMP', 'C', 'Clinical Pharmacology (REFERENCE §5.1)')],
      },
      {
        text:
          'Your liver turns diazepam into other substances that also work, mainly nordiazepam. ' +
          'Diazepam leaves the body slowly: in healthy young men, half of a dose is still there ' +
          'after about 44 hours. Nordiazepam lasts even longer, up to about 100 hours.',
        sources: [
          cite('MGS-CYP2C19', 'C', 'label metabolism (REFERENCE §5.1)'),
          cite('GREENBLATT-1989', 'C', 'half-life 44.2 h (REFERENCE §5.1)'),
          cite('SEC-LABEL', 'P', 'nordiazepam up to 100 hours (REFERENCE §5.1)'),
        ],
      },
      {
        text:
          'Because it leaves slowly, each day’s doses add to what is still there from the days ' +
          'before. The level builds up over several days and takes about 5 days to 2 weeks to ' +
          'settle, longer for nordiazepam. In the same way, a change takes days to be felt.',
        sources: [
          cite('EPK-MODULE', 'C', 'superposition (REFERENCE §5.3)'),
          cite('SEC-WEB', 'P', 'time to steady state (REFERENCE §5.1)'),
          cite('GREENBLATT-2021', 'C', 'slow accumulation and delayed washout (REFERENCE §5.4)'),
        ],
      },
      {
        text:
          'How fast diazepam leaves the body differs a lot between people. It is often slower in ' +
          'older people, in people with liver disease, and in people whose body breaks it down ' +
          'slowly because of their genes.',
        sources: [
          cite('GREENBLATT-2021', 'C', 'age (REFERENCE §5.4)'),
          cite('SEC-LABEL', 'P', 'cirrhosis (REFERENCE §3.3)'),
          cite('ZHANG-1990', 'C', 'CYP2C19 poor metabolisers (REFERENCE §5.4)'),
        ],
      },
    ],
  },
  {
    id: 'side-effects',
    title: 'Side effects to watch for',
    summary: 'Sleepiness, unsteadiness, falls, and the danger with opioids and alcohol.',
    paragraphs: [
      {
        text:
          'The most common side effects are sleepiness, tiredness, muscle weakness and being ' +
          'unsteady on your feet.',
        sources: [cite('SEC-LABEL', 'P', 'Adverse Reactions (REFERENCE §4.3)')],
      },
      {
        text:
          'Falls and broken bones have been reported in people taking benzodiazepines. The risk ' +
          'is higher in older people and when you also take other things that make you sleepy, ' +
          'including alcohol.',
        sources: [cite('SEC-LABEL', 'P', 'falls and fractures (REFERENCE §4.3)')],
      },
      {
        text:
          'Drug information advises against driving, using machinery and other tasks that need ' +
          'you to be fully alert.',
        sources: [cite('SEC-MONO', 'P', 'driving (REFERENCE §4.3)')],
      },
      {
        text:
          'Taking diazepam together with opioid medicines (strong painkillers, and some cough ' +
          'medicines) can cause deep sleepiness, slowed breathing, coma and death. This is the ' +
          'most serious warning on the label. Make sure every prescriber knows all the medicines ' +
          'you take.',
        sources: [
          cite('LABEL-TAB', 'C', `${BOXED}: opioids`),
          cite('FDA-DSC-2016', 'C', 'opioid analgesics and cough products (REFERENCE §4.1)'),
        ],
      },
      {
        text: 'The label warns against drinking alcohol while you take diazepam.',
        sources: [cite('LABEL-TAB', 'C', 'alcohol (REFERENCE §4.4)')],
      },
      {
        text:
          'Gabapentin and pregabalin can also cause serious breathing problems, especially with ' +
          'opioids or other medicines that make you sleepy, in people with lung disease (COPD) ' +
          'and in older people.',
        sources: [cite('FDA-DSC-2019-GABA', 'C', 'REFERENCE §4.4')],
      },
      {
        text:
          'Get help at once if you or someone with you notices confusion, extreme sleepiness, or ' +
          `slow, shallow or difficult breathing. ${EMERGENCY}`,
        sources: [
          cite('FDA-DSC-2019-GABA', 'C', 'symptoms to watch for (REFERENCE §4.4)'),
          cite('LABEL-TAB', 'C', `${BOXED}: respiratory depression`),
        ],
      },
      {
        text:
          'Tell your prescriber about side effects that bother you. Your care team keeps an eye ' +
          `on sleepiness and breathing while you take diazepam. ${DO_NOT_STOP_SUDDENLY}`,
        sources: [
          cite(
            'LABEL-TAB',
            'C',
            `${BOXED}: follow patients for respiratory depression and sedation`,
          ),
          cite('FDA-DSC-2020', 'C', 'withdrawal reactions (REFERENCE §4.1)'),
        ],
      },
    ],
  },
  {
    id: 'dependence',
    title: 'Tolerance and physical dependence',
    summary: 'Why your body gets used to diazepam, and why that is not addiction.',
    paragraphs: [
      {
        text:
          'When you take diazepam every day for a few weeks, your body gets used to it. This is ' +
          'called physical dependence. It can happen even when you take it exactly as prescribed, ' +
          'and nearly everyone who takes a benzodiazepine regularly for more than a month has it.',
        sources: [
          cite('FDA-DSC-2020', 'C', 'REFERENCE §4.1'),
          cite('JCPG-2025', 'C', 'key points p.1–3 (REFERENCE §6.1)'),
          cite('ASAM-POCKET', 'C', 'p.1–3 (REFERENCE §6.1)'),
        ],
      },
      {
        text:
          'Physical dependence is an expected adaptation of the body. It is not addiction and ' +
          'says nothing about you as a person. Only about 1.5 in 100 people who use ' +
          'benzodiazepines have a benzodiazepine use disorder.',
        sources: [
          cite('JCPG-2025', 'C', 'key points p.1–4 (REFERENCE §6.1, §9)'),
          cite('ASAM-POCKET', 'C', 'p.1–4 (REFERENCE §6.1)'),
        ],
      },
      {
        text:
          'When you take diazepam as prescribed, under your care team’s supervision, getting used ' +
          'to it is not counted as a sign of a substance use disorder.',
        sources: [cite('DSM5-TABLE', 'C', 'REFERENCE §9')],
      },
      {
        text:
          'The longer the treatment and the higher the daily dose, the stronger the dependence ' +
          'and the risk of withdrawal reactions if the dose drops quickly.',
        sources: [cite('LABEL-TAB', 'C', `${BOXED}: dependence and withdrawal`)],
      },
      {
        text:
          'Over time a medicine like this can help less than it did at first. This is called ' +
          'tolerance; for sleep and anxiety it can start within two to four weeks. If diazepam ' +
          'seems to help less, tell your prescriber.',
        sources: [cite('NHS-SCOT-BZD', 'C', 'tolerance and loss of effect (REFERENCE §6.6)')],
      },
      {
        text:
          'Benzodiazepines can also be misused, which is why the label asks prescribers to check ' +
          'the risks with every patient, and guidelines ask them to review the benefits and ' +
          'risks with you at least every 3 months. This review is routine.',
        sources: [
          cite('LABEL-TAB', 'C', `${BOXED}: abuse, misuse and addiction`),
          cite('JCPG-2025', 'C', 'Rec 1 (REFERENCE §6.1)'),
        ],
      },
    ],
  },
  {
    id: 'tapering',
    title: 'Why a taper is slow',
    summary: 'Why diazepam is lowered in small steps, and why stopping suddenly is dangerous.',
    paragraphs: [
      {
        text:
          'Stopping diazepam suddenly, or lowering the dose too fast, can cause withdrawal ' +
          `reactions, including seizures, which can be life-threatening. ${DO_NOT_STOP_SUDDENLY}`,
        sources: [
          cite('LABEL-TAB', 'C', `${BOXED}: dependence and withdrawal`),
          cite('FDA-DSC-2020', 'C', 'seizures (REFERENCE §4.1)'),
        ],
      },
      {
        text:
          'That is why guidelines advise against stopping suddenly when the body is used to the ' +
          'medicine, and recommend lowering the dose gradually instead: a taper. You and your ' +
          'prescriber plan it together.',
        sources: [
          cite('JCPG-2025', 'C', 'Recs 2 and 4 (REFERENCE §6.1)'),
          cite('FDA-DSC-2020', 'C', 'gradual taper (REFERENCE §6.5)'),
        ],
      },
      {
        text:
          'Guidelines suggest small steps, typically 5 to 10% of the dose every 2 to 4 weeks, and ' +
          'generally not more than 25% every 2 weeks. The goal, agreed with your prescriber, can ' +
          'be coming off diazepam, or a lower dose where the risks no longer outweigh the benefits.',
        sources: [
          cite('JCPG-2025', 'C', 'Rec 6 (REFERENCE §6.1)'),
          cite('ASAM-POCKET', 'C', 'Takeaway 5, p.29 (REFERENCE §6.5)'),
        ],
      },
      {
        text: 'A taper often takes months. For some people it takes years.',
        sources: [cite('ASAM-PATIENT', 'C', 'p.2 (REFERENCE §6.5)')],
      },
      {
        text:
          'Diazepam and nordiazepam leave the body slowly, so the effect of a step can show ' +
          'days later: withdrawal from a long-acting benzodiazepine may not begin for 1–2 days ' +
          'or longer.',
        sources: [cite('SEC-WEB', 'P', 'REFERENCE §5.5')],
      },
      {
        text:
          'Withdrawal can bring anxiety, irritability, poor sleep, sweating, headaches, muscle ' +
          'pain, tension or spasms, and tremor. In people treated for muscle spasm it can feel ' +
          'like the original problem coming back. Your prescriber checks how you are after each ' +
          'step, so tell them what you notice.',
        sources: [
          cite('JCPG-2025', 'C', 'Table 3 p.10 and Rec 9 (REFERENCE §6.3, §6.1)'),
          cite('ASAM-POCKET', 'C', 'Table 3 p.10 (REFERENCE §6.3)'),
        ],
      },
      {
        text: 'During a taper, try not to skip any doses: skipping can make withdrawal worse.',
        sources: [cite('ASAM-PATIENT', 'C', 'p.13 (REFERENCE §6.5)')],
      },
      {
        text:
          'Guidelines recommend offering talking therapies, such as cognitive behavioural therapy ' +
          '(CBT) and CBT for insomnia, alongside a taper.',
        sources: [cite('JCPG-2025', 'C', 'Rec 10 (REFERENCE §6.1)')],
      },
    ],
  },
  {
    id: 'level-curve',
    title: 'How the level curve works',
    summary: 'What the curve of diazepam and nordiazepam shows, and what it cannot show.',
    paragraphs: [
      {
        text:
          'The level curve is an estimate, worked out from the doses you logged with a standard ' +
          'textbook model. It shows diazepam and nordiazepam rising after each dose and slowly ' +
          'falling between doses.',
        sources: [
          cite('EPK-MODULE', 'C', 'REFERENCE §5.3'),
          cite('GREENBLATT-2021', 'C', 'parent and metabolite (REFERENCE §5.3)'),
        ],
      },
      {
        text:
          'The levels are relative: 100% is the average level your prescribed regimen would ' +
          'settle at. They are not blood levels and not measurements.',
        sources: [cite('EPK-MODULE', 'C', 'relative level (REFERENCE §5.3)')],
      },
      {
        text:
          'The model uses averages from small studies of mostly healthy volunteers. Real people ' +
          'differ a lot, up to 30-fold, and there is no clear link between the level in the ' +
          'blood and how well diazepam works or how you feel.',
        sources: [cite('MANDELLI-1978', 'C', 'REFERENCE §5.5')],
      },
      {
        text:
          'So the curve is for understanding only, never a basis for a dose. It can help explain ' +
          'why a change is felt days after it happens.',
        sources: [
          cite('MANDELLI-1978', 'C', 'REFERENCE §5.5'),
          cite('SEC-WEB', 'P', 'delayed withdrawal (REFERENCE §5.5)'),
        ],
      },
    ],
  },
  {
    id: 'missed-dose',
    title: 'If you miss a dose',
    summary: 'What to do after a missed dose, and why not to stop suddenly.',
    paragraphs: [
      {
        text:
          'Your dose is set for you by your prescriber. The sources this app uses give no general ' +
          'rule for a missed dose of diazepam, so ask your prescriber or pharmacist what to do, ' +
          'and follow the directions that came with your medicine.',
        sources: [cite('OPENFDA-LABEL', 'C', 'dosage individualized (REFERENCE §3.1)')],
      },
      {
        text: `A missed dose is not a reason to stop. ${DO_NOT_STOP_SUDDENLY}`,
        sources: [
          cite('LABEL-TAB', 'C', `${BOXED}: abrupt discontinuation`),
          cite('FDA-DSC-2020', 'C', 'REFERENCE §4.1'),
        ],
      },
      {
        text: 'During a taper, try not to skip any doses: skipping can make withdrawal worse.',
        sources: [cite('ASAM-PATIENT', 'C', 'p.13 (REFERENCE §6.5)')],
      },
      {
        text:
          'If you notice symptoms after a missed dose or between doses, such as anxiety, ' +
          'sweating or muscle tension, tell your prescriber. Guidelines ask them to take this ' +
          'into account.',
        sources: [
          cite('JCPG-2025', 'C', 'algorithm p.29 (REFERENCE §6.5)'),
          cite('ASAM-PATIENT', 'C', 'p.13 (REFERENCE §6.5)'),
        ],
      },
    ],
  },
];

/** The article with this id, or undefined for an unknown id (e.g. from a URL). */
export function learnArticle(id: string): LearnArticle | undefined {
  return LEARN_ARTICLES.find((a) => a.id === id);
}
