/**
 * The supply feature's reads: the stock report (core `stockReport` over the counts, the doses
 * and the dispensings since) and the missed-dose instruction in force (the prescriber's newest,
 * else Steady's sourced default).
 */
import {
  DEFAULT_MISSED_DOSE_INSTRUCTION,
  localDateOf,
  REFILL_REMINDER_DAYS,
  stockReport,
  type FormulationId,
} from '@steady/core';
import { displayNamesOf } from '../auth/users.js';
import type { AppContext } from '../context.js';
import { findDoseEvents } from '../doses/repo.js';
import { dayBounds } from '../doses/today.js';
import { loadSignalDispensing } from '../pharmacy/repo.js';
import { loadRegimenVersions } from '../regimen/service.js';
import {
  listCounts,
  listInstructions,
  loadReminderDays,
  newestCounts,
  type InstructionRow,
} from './repo.js';
import type { InstructionResponse, InstructionView, StockResponse } from './schemas.js';

/** The stock of each counted formulation now, its forecast and the refill reminder. */
export async function loadStock(
  ctx: AppContext,
  patientId: string,
  timeZone: string,
): Promise<StockResponse> {
  const now = ctx.now();
  const [newest, reminderDays, counts] = await Promise.all([
    newestCounts(ctx.db, patientId, now),
    loadReminderDays(ctx.db, patientId),
    listCounts(ctx.db, patientId),
  ]);
  // Everything since the oldest of the newest counts (nothing before matters).
  const from = newest.reduce((min, c) => (c.countedAt < min ? c.countedAt : min), now);
  // Dose ranges end before `to`: up to the end of today (core ignores what is after now).
  const range = { from, to: dayBounds(localDateOf(now.toISOString(), timeZone), timeZone).to };
  const [regimenVersions, doses, dispensings] = await Promise.all([
    loadRegimenVersions(ctx, patientId),
    newest.length === 0 ? [] : findDoseEvents(ctx.db, patientId, range),
    newest.length === 0 ? [] : loadSignalDispensing(ctx.db, patientId, range),
  ]);
  const report = stockReport({
    now: now.toISOString(),
    timeZone,
    counts: newest.map((c) => ({
      formulation: c.formulation as FormulationId,
      quantity: c.quantity,
      countedAt: c.countedAt.toISOString(),
    })),
    dispensings,
    regimenVersions,
    doses,
    reminderDays,
  });
  return {
    timeZone,
    settings: { refillReminderDays: reminderDays, note: REFILL_REMINDER_DAYS.note ?? '' },
    report: {
      ...report,
      formulations: report.formulations.map((f) => ({ ...f, counted: { ...f.counted } })),
      sources: [...report.sources],
    },
    counts,
  };
}

const DEFAULT_VIEW: InstructionView = {
  text: DEFAULT_MISSED_DOSE_INSTRUCTION.text,
  isDefault: true,
  sources: [...DEFAULT_MISSED_DOSE_INSTRUCTION.sources],
  setBy: null,
  setAt: null,
};

/** The instruction in force and the earlier ones, with who set them and when. */
export async function loadInstruction(
  ctx: AppContext,
  patientId: string,
): Promise<InstructionResponse> {
  const rows = await listInstructions(ctx.db, patientId);
  const names = await displayNamesOf(
    ctx.db,
    rows.map((r) => r.setBy),
  );
  const view = (r: InstructionRow): InstructionView => ({
    text: r.text,
    isDefault: false,
    sources: [],
    setBy: { id: r.setBy, displayName: names.get(r.setBy) ?? '' },
    setAt: r.setAt.toISOString(),
  });
  const [current, ...earlier] = rows.map(view);
  return { instruction: current ?? DEFAULT_VIEW, history: earlier };
}
