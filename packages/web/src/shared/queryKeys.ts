/** TanStack Query keys, in one place so invalidation after a mutation stays consistent. */
export const queryKeys = {
  session: ['session'] as const,
  today: (patientId: string) => ['today', patientId] as const,
  regimen: (patientId: string) => ['regimen', patientId] as const,
  medications: (patientId: string) => ['medications', patientId] as const,
  profile: (patientId: string) => ['profile', patientId] as const,
  history: (patientId: string) => ['history', patientId] as const,
};
