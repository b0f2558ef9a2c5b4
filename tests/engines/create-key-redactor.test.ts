import { describe, expect, it } from 'vitest';
import { createKeyRedactor } from '../../src/engines/create-key-redactor.ts';

describe('createKeyRedactor', () => {
  const hide = createKeyRedactor('sk-proj-Abc123xyz789-QRS:fx', '[KEY]');

  it('hides the whole key and any run of 8 or more of its characters, whatever a server quotes', () => {
    expect(hide('key sk-proj-Abc123xyz789-QRS:fx refused')).toBe('key [KEY] refused');
    expect(hide('Incorrect API key provided: proj-Abc123xyz789-QRS.')).toBe('Incorrect API key provided: [KEY].');
    expect(hide('part before fx: sk-proj-Abc123xyz789-QRS')).toBe('part before fx: [KEY]');
    expect(hide('middle abc123XYZ789 in another case')).toBe('middle [KEY] in another case');
  });

  it('hides the key URL-encoded as well', () => {
    expect(hide('auth_key=sk-proj-Abc123xyz789-QRS%3Afx&text=Hi')).toBe('auth_key=[KEY]&text=Hi');
  });

  it('leaves runs shorter than 8 characters and unrelated text alone', () => {
    expect(hide('sk-proj and fx and Abc123 stay')).toBe('sk-proj and fx and Abc123 stay');
  });
});
