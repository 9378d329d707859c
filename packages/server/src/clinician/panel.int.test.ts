import { beforeAll, expect, it } from 'vitest';
import { FULL_CONSENT, NO_CONSENT } from '../careteam/consent.js';
import { addClinician, createClinicFixture, link } from '../testing/careteam.js';
import { checkInBody, registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface Row {
  displayName: string;
  topAlert: { severity: string; crisis: boolean } | null;
  painTrend: { recent: number | null; previous: number | null; change: number | null } | null;
  lastActivityAt: string | null;
}

describeOnDatabases('clinician panel: order and filters', (harness) => {
  let h: Harness;
  let doctor: Client;

  const panel = async (query = '') => {
    const res = await doctor.get(`/api/clinician/patients${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ patients: Row[]; total: number }>();
  };
  const names = (rows: Row[]) => rows.map((r) => r.displayName);

  beforeAll(async () => {
    h = harness();
    const clinic = await createClinicFixture(h, 'Panel Clinic');
    doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Panel');
    const patient = async (name: string, consent = FULL_CONSENT) => {
      const c = await registerPatient(h.app, { displayName: name });
      await link(c, doctor, consent);
      return c;
    };
    await patient('Wes Quiet');
    const vic = await patient('Vic Hidden', { ...NO_CONSENT, medications: true });
    const xia = await patient('Xia Recent');
    const yan = await patient('Yan Opioid');
    const zed = await patient('Zed Crisis');
    const t0 = h.clock.now();
    h.clock.set(new Date(t0.getTime() - 10 * 86_400_000));
    await xia.post(`/api/patients/${xia.userId}/checkins`, checkInBody({ pain: 8 }));
    h.clock.set(t0);
    await xia.post(`/api/patients/${xia.userId}/checkins`, checkInBody({ pain: 4 }));
    await yan.post(`/api/patients/${yan.userId}/medications`, { name: 'Oxycodone' });
    const emergency = checkInBody({ breathingProblem: true });
    await zed.post(`/api/patients/${zed.userId}/checkins`, emergency);
    // Vic's crisis is in check-ins, which Vic does not share with this doctor.
    await vic.post(`/api/patients/${vic.userId}/checkins`, checkInBody({ breathingProblem: true }));
  });

  it('sorts by the most serious visible alert, then by recent activity, then by name', async () => {
    const { patients, total } = await panel();
    expect(names(patients)).toEqual([
      'Zed Crisis',
      'Yan Opioid',
      'Xia Recent',
      'Vic Hidden',
      'Wes Quiet',
    ]);
    expect(total).toBe(5);
    expect(patients[0]?.topAlert).toMatchObject({ severity: 'urgent', crisis: true });
    expect(patients[1]?.topAlert).toMatchObject({ severity: 'warning', crisis: false });
    expect(patients[3]).toMatchObject({ topAlert: null, lastActivityAt: null });
  });

  it('shows the pain trend: last 7 days against the 7 before', async () => {
    const xia = (await panel('?q=Xia')).patients[0];
    expect(xia?.painTrend).toEqual({ recent: 4, previous: 8, change: -4 });
  });

  it('filters by alert and name, and pages with a total', async () => {
    expect(names((await panel('?alert=any')).patients)).toEqual(['Zed Crisis', 'Yan Opioid']);
    expect(names((await panel('?alert=none')).patients)).toEqual([
      'Xia Recent',
      'Vic Hidden',
      'Wes Quiet',
    ]);
    expect(names((await panel('?alert=any&q=yan')).patients)).toEqual(['Yan Opioid']);
    const page = await panel('?limit=2&offset=1');
    expect(names(page.patients)).toEqual(['Yan Opioid', 'Xia Recent']);
    expect(page.total).toBe(5);
    expect((await doctor.get('/api/clinician/patients?alert=some')).statusCode).toBe(400);
    const yan = (await panel('?q=Yan')).patients[0] as unknown as { id: string };
    expect(names((await panel(`?id=${yan.id}`)).patients)).toEqual(['Yan Opioid']);
  });
});
