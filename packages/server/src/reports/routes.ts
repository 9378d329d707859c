/**
 * The visit summary PDF (issue 6 item 1): the sections asked for over a period of the patient's
 * local days, each only with the consent it needs (the others are named in the PDF), on A4 or
 * US Letter. A care-team member's export is audited twice: the guard's `access.read` (the
 * patient's access log shows it) and `report.visit-summary` with the sections, those left out
 * and the period. The patient's own export, like every read of their own data, is not.
 */
import { audit } from '../audit/audit.js';
import { DISCIPLINES } from '../careteam/consent.js';
import type { AppContext } from '../context.js';
import { patientOf } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { buildDocument } from './document.js';
import { loadReport } from './load.js';
import { renderPdf } from './pdf.js';
import { REPORT_CATEGORIES, reportQuery, requestedSections } from './sections.js';

export function reportRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/patients/:patientId/reports/visit-summary.pdf',
    {
      // Any one category lets a clinician in; each section then needs its own (sections.ts).
      // Caregivers: not a clinical document.
      config: {
        policy: {
          kind: 'patient-data',
          category: REPORT_CATEGORIES,
          access: 'read',
          members: DISCIPLINES,
        },
      },
      schema: {
        tags: ['reports'],
        summary:
          'Visit summary as a PDF: the chosen sections (or a discipline preset) between two local dates, on A4 or US Letter; sections the caller may not see are left out and named in the document',
        params: patientParams,
        querystring: reportQuery,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const access = patientOf(request);
      const { from, to, paper } = request.query;
      const sections = requestedSections(request.query);
      const data = await loadReport(ctx, access, { from, to, sections, paper });
      const pdf = await renderPdf(buildDocument(data));
      // Every export is recorded with what it held (for a member the guard has also logged the
      // read), the patient's own included: a PDF leaves Steady.
      await audit(
        ctx.db,
        {
          actorId: access.user.id,
          patientId: access.patientId,
          action: 'report.visit-summary',
          details: {
            from,
            to,
            paper,
            sections: data.sections,
            hidden: data.hidden,
            bytes: pdf.length,
          },
        },
        ctx.now(),
      );
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="steady-visit-summary-${from}-to-${to}.pdf"`,
        )
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
