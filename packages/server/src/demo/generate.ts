/**
 * Day-by-day history of one demo patient, as database rows: regimen versions, doses,
 * check-ins, medications, dispensings, questionnaires, messages, check-ups and notes. Pure:
 * the same patient, clinicians, `now` and id source give the same rows (seeded by the
 * patient's key). Times are the patient's local times; nothing lies after `now`.
 */
import {
  addDays,
  doseSlots,
  localDateOf,
  localToInstant,
  mgPerUnit,
  regimenOn,
  SIDE_EFFECT_KEYS,
  type RegimenVersion,
  type ScheduledDose,
  type Severity4,
} from '@steady/core';
import { CONSENT_DEFAULTS, type ConsentMap, type Discipline } from '../careteam/consent.js';
import { addConversations } from './conversations.js';
import {
  DAY,
  HOUR,
  type DayState,
  type GenerateInput,
  type PatientRows,
  type RowLists,
} from './patientRows.js';
import { addQuestionnaires } from './questionnaireRows.js';
import { between, prng, rating, seedOf } from './random.js';

export type { DemoClinician, DemoClinicians, GenerateInput, PatientRows } from './patientRows.js';

/** Days a dispensing is written for, and between two dispensings as planned. */
const SUPPLY_DAYS = 28;

const sum = (doses: readonly ScheduledDose[]) => doses.reduce((s, x) => s + x.amountMg, 0);

export function generatePatientRows(input: GenerateInput): PatientRows {
  const { patient: spec, patientId, clinicians, now, newId } = input;
  const zone = spec.zone;
  const random = prng(seedOf(spec.key));
  const today = localDateOf(now.toISOString(), zone);
  const start = addDays(today, -spec.days);
  const at = (date: string, time: string) => new Date(localToInstant(date, time, zone));
  const past = (instant: Date) => instant.getTime() <= now.getTime();
  const dayIndex = (date: string) =>
    spec.days - Math.round((Date.parse(today) - Date.parse(date)) / DAY);
  const prescriber = clinicians.prescriber;
  const team = spec.team.filter((m) => m.revoked !== true).map((m) => m.kind);
  const inTeam = (kind: Discipline) => team.includes(kind);
  const rows: RowLists = {
    profile: [],
    links: [],
    regimenVersions: [],
    medications: [],
    doseEvents: [],
    checkIns: [],
    dispensingRecords: [],
    questionnaireAssignments: [],
    questionnaireResponses: [],
    messageThreads: [],
    messageParticipants: [],
    messages: [],
    appointments: [],
    visitQuestions: [],
    clinicianNotes: [],
    auditLog: [],
  };

  // ── Profile and care team ────────────────────────────────────────────────────────────────
  if (spec.born !== null) {
    rows.profile.push({ patientId, dateOfBirth: spec.born, updatedAt: at(start, '09:30') });
  }
  for (const member of spec.team) {
    const since = at(addDays(start, -1), '16:00');
    const consent: ConsentMap = { ...CONSENT_DEFAULTS[member.kind], ...member.consent };
    const linkId = newId();
    const revokedAt = member.revoked === true ? at(addDays(start, 20), '18:10') : null;
    rows.links.push({
      id: linkId,
      patientId,
      memberId: clinicians[member.kind].id,
      memberKind: member.kind,
      status: revokedAt === null ? 'active' : 'revoked',
      consent,
      since,
      consentUpdatedAt: since,
      revokedAt,
      revokedBy: revokedAt === null ? null : patientId,
    });
    rows.auditLog.push({
      at: since,
      actorId: patientId,
      patientId,
      action: 'careteam.link',
      entityId: linkId,
      details: { memberId: clinicians[member.kind].id, memberKind: member.kind, consent },
    });
    if (revokedAt !== null) {
      rows.auditLog.push({
        at: revokedAt,
        actorId: patientId,
        patientId,
        action: 'careteam.revoke',
        entityId: linkId,
        details: { by: 'patient' },
      });
    }
  }

  // ── Regimen: one version, or the versions a signed taper wrote (tapers.ts) ───────────────
  const versions: RegimenVersion[] = [];
  const addVersion = (startDate: string, doses: readonly ScheduledDose[], reason: string) => {
    const id = newId();
    const createdAt = at(startDate, '10:00');
    const version = {
      id,
      version: versions.length + 1,
      formulation: spec.formulation,
      doses: [...doses],
      asNeeded: spec.asNeeded,
      startDate,
      endDate: null,
      prescriber: prescriber.displayName,
      indication: spec.indication,
      createdAt: createdAt.toISOString(),
    };
    versions.push(version);
    rows.regimenVersions.push({
      ...version,
      patientId,
      reason,
      enteredBy: prescriber.id,
      createdAt,
    });
    rows.auditLog.push({
      at: createdAt,
      actorId: prescriber.id,
      patientId,
      action: 'regimen.create',
      entityId: id,
      details: { version: version.version },
    });
  };
  if (input.regimen === undefined) {
    addVersion(
      start,
      spec.doses,
      spec.scenario === 'recently-started' ? 'Started at clinic visit' : 'Current prescription',
    );
  } else {
    versions.push(...input.regimen);
  }
  const taperSteps = versions.slice(1).map((v) => v.startDate);

  // ── How each day felt ────────────────────────────────────────────────────────────────────
  const basePain = between(random, 4, 5);
  const state = (date: string): DayState => {
    const i = dayIndex(date);
    const noise = () => (random() - 0.5) * 1.6;
    const level =
      basePain +
      (spec.scenario === 'worsening-pain' ? Math.max(0, i - (spec.days - 30)) * 0.13 : 0);
    const pain = level + noise();
    let anxiety = 3 + noise();
    let mood = 6 + noise();
    if (spec.scenario === 'crisis') {
      mood = 3 + noise() - (i > spec.days - 14 ? 1 : 0);
      anxiety = 6 + noise();
    }
    if (spec.scenario === 'taper' && taperSteps.some((s) => date >= s && date < addDays(s, 4))) {
      anxiety += 1.5;
    }
    return { pain: rating(pain), level, anxiety: rating(anxiety), mood: rating(mood) };
  };

  // ── Doses ────────────────────────────────────────────────────────────────────────────────
  const poor = spec.scenario === 'poor-adherence';
  const missP = poor ? 0.3 : 0.03;
  const skipP = poor ? 0.1 : 0.02;
  const lastGap = now.getTime() - 60 * HOUR; // poor adherence: nothing logged since
  const slots = doseSlots(versions, start, today, zone).filter(
    (s) => Date.parse(s.dueAt) + 45 * 60_000 <= now.getTime(),
  );
  for (const slot of slots) {
    const due = Date.parse(slot.dueAt);
    const roll = random();
    const late = Math.round((random() - 0.3) * 40) * 60_000;
    if (roll < missP || (poor && due >= lastGap)) continue;
    const base = {
      id: newId(),
      patientId,
      slotKey: slot.key,
      supersedes: null,
      recordedBy: patientId,
      idempotencyKey: newId(),
    };
    if (roll < missP + skipP) {
      const loggedAt = new Date(due + 30 * 60_000);
      rows.doseEvents.push({
        ...base,
        kind: 'skipped',
        takenAt: loggedAt,
        amountMg: 0,
        reason: poor ? 'Forgot to take it with me' : 'Felt too drowsy',
        createdAt: loggedAt,
      });
      continue;
    }
    const takenAt = new Date(Math.min(due + late, now.getTime() - 60_000));
    rows.doseEvents.push({
      ...base,
      kind: 'taken',
      takenAt,
      amountMg: slot.amountMg,
      reason: null,
      createdAt: new Date(Math.min(takenAt.getTime() + 2 * 60_000, now.getTime())),
    });
  }
  const extraP = spec.asNeeded === null ? 0 : spec.scenario === 'early-refill' ? 0.6 : 0.05;

  // ── Check-ins (and as-needed doses on bad afternoons) ───────────────────────────────────
  const checkP = poor ? 0.35 : spec.scenario === 'stable' ? 0.85 : 0.75;
  const states = new Map<string, DayState>();
  const none = Object.fromEntries(SIDE_EFFECT_KEYS.map((k) => [k, 'none'])) as Record<
    (typeof SIDE_EFFECT_KEYS)[number],
    Severity4
  >;
  for (let date = start; date <= today; date = addDays(date, 1)) {
    const i = dayIndex(date);
    const feel = state(date);
    states.set(date, feel);
    const asNeeded = spec.asNeeded;
    if (asNeeded !== null && regimenOn(versions, date, zone) !== null && random() < extraP) {
      const extraAt = at(date, '16:30');
      if (past(extraAt)) {
        rows.doseEvents.push({
          id: newId(),
          patientId,
          kind: 'extra',
          slotKey: null,
          takenAt: extraAt,
          amountMg: asNeeded.amountMg,
          reason: 'Spasm in the afternoon',
          supersedes: null,
          idempotencyKey: newId(),
          recordedBy: patientId,
          createdAt: extraAt,
        });
      }
    }
    const checkAt = at(date, random() < 0.5 ? '19:15' : '20:40');
    const recent = i > spec.days - 12;
    if (!past(checkAt) || random() > checkP) continue;
    const sideEffects = { ...none };
    if (random() < 0.15) sideEffects.drowsiness = 'mild';
    if (spec.scenario === 'side-effects' && recent) {
      sideEffects.drowsiness = random() < 0.5 ? 'severe' : 'moderate';
      sideEffects.dizziness = random() < 0.6 ? 'moderate' : 'mild';
    }
    let fall: 'none' | 'near_fall' | 'fall' = 'none';
    if (spec.scenario === 'falls') {
      if (i > spec.days - 20) sideEffects.unsteadiness = random() < 0.5 ? 'mild' : 'moderate';
      if (i === spec.days - 11 || i === spec.days - 2) fall = 'near_fall';
      if (i === spec.days - 6) fall = 'fall';
    }
    const note =
      fall === 'fall'
        ? 'Fell in the kitchen getting up at night'
        : fall === 'near_fall'
          ? 'Nearly fell on the stairs'
          : sideEffects.drowsiness === 'severe'
            ? 'Hard to stay awake this morning'
            : null;
    rows.checkIns.push({
      id: newId(),
      patientId,
      at: checkAt,
      pain: feel.pain,
      spasm: rating(feel.pain - 1 + random() * 2),
      sleepQuality: rating(7 - feel.pain / 3 + (random() - 0.5) * 2),
      anxiety: feel.anxiety,
      mood: feel.mood,
      sideEffects,
      fall,
      breathingProblem: false,
      otherSideEffect: null,
      activities: random() < 0.6 ? ['walking', 'stretching'] : ['rest'],
      note,
      idempotencyKey: newId(),
      createdAt: checkAt,
    });
  }

  // ── Other medications ────────────────────────────────────────────────────────────────────
  for (const med of spec.otherMedications) {
    const added = at(start, '09:40');
    rows.medications.push({
      id: newId(),
      patientId,
      ...med,
      active: true,
      createdAt: added,
      updatedAt: added,
      deletedAt: null,
    });
  }

  // ── Dispensing (patients whose pharmacist is in the team) ────────────────────────────────
  if (inTeam('pharmacist')) {
    const unit = mgPerUnit(spec.formulation);
    const allowance = spec.asNeeded === null ? 0 : spec.asNeeded.amountMg * spec.asNeeded.maxPerDay;
    const needed = (from: string) => {
      let mg = 0;
      for (let k = 0; k < SUPPLY_DAYS; k += 1) {
        const v = regimenOn(versions, addDays(from, k), zone) ?? versions.at(-1);
        mg += (v === undefined ? 0 : sum(v.doses)) + allowance;
      }
      return Math.ceil(mg / unit);
    };
    // Every 28 days as planned; early refills come back after 17–20 days from the third on.
    const days: number[] = [];
    for (let day = 0; day <= spec.days;) {
      days.push(day);
      day +=
        spec.scenario === 'early-refill' && days.length >= 2
          ? between(random, 17, 20)
          : SUPPLY_DAYS;
    }
    for (const day of days) {
      const date = addDays(start, day);
      const dispensedAt = at(date, '11:20');
      if (!past(dispensedAt)) continue;
      rows.dispensingRecords.push({
        id: newId(),
        patientId,
        formulation: spec.formulation,
        quantity: needed(date),
        dispensedAt,
        daysSupply: SUPPLY_DAYS,
        note: null,
        taperPlanId: null,
        recordedBy: clinicians.pharmacist.id,
        createdAt: dispensedAt,
        voidedAt: null,
        voidedBy: null,
        voidReason: null,
      });
    }
  }

  // ── Questionnaires: assigned by the team, answered most times they are due ─────────────
  addQuestionnaires(input, rows, { random, today, start, at, inTeam, states, state });

  addConversations(input, rows, { today, at, versions });
  return rows;
}
