/** TanStack Query keys, in one place so invalidation after a mutation stays consistent. */
export const queryKeys = {
  session: ['session'] as const,
  today: (patientId: string) => ['today', patientId] as const,
  alerts: (patientId: string) => ['alerts', patientId] as const,
  clinicianPatient: (patientId: string) => ['clinicianPatients', 'one', patientId] as const,
  regimen: (patientId: string) => ['regimen', patientId] as const,
  medications: (patientId: string) => ['medications', patientId] as const,
  profile: (patientId: string) => ['profile', patientId] as const,
  history: (patientId: string) => ['history', patientId] as const,
  careTeam: (patientId: string) => ['careTeam', patientId] as const,
  accessLog: (patientId: string) => ['accessLog', patientId] as const,
  regimenRequests: (patientId: string) => ['regimenRequests', patientId] as const,
  consentDefaults: ['consentDefaults'] as const,
  invitation: (code: string) => ['invitation', code] as const,
  /** Prefix of every clinician patient-list query, whatever the search. */
  clinicianPatientsAll: ['clinicianPatients'] as const,
  clinicianPatients: (q: string) => ['clinicianPatients', q] as const,
  clinicians: (clinicId: string) => ['clinicians', clinicId] as const,
};
