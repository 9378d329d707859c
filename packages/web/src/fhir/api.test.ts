import { describe, expect, it } from 'vitest';
import { issuePlace } from './api';

describe('issuePlace', () => {
  it('names the entry (counting from 1) and the field of a FHIRPath expression', () => {
    expect(issuePlace('Bundle.entry[3].resource.status')).toEqual({ entry: 4, field: 'status' });
    expect(issuePlace('Bundle.entry[0].resource')).toEqual({ entry: 1, field: '' });
    expect(issuePlace('Bundle.entry[1]')).toEqual({ entry: 2, field: '' });
    expect(issuePlace('Bundle.entry')).toEqual({ entry: null, field: 'entry' });
    expect(issuePlace(null)).toEqual({ entry: null, field: '' });
  });
});
