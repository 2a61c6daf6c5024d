import { describe, expect, it } from 'vitest';
import { fileNameOf, uniqueName } from './names';

describe('uniqueName', () => {
  it('keeps a name nobody uses', () => {
    expect(uniqueName('Untitled world', ['My first world'])).toBe('Untitled world');
  });

  it('numbers a name already taken, from 2, skipping numbers taken too', () => {
    expect(uniqueName('Untitled world', ['Untitled world'])).toBe('Untitled world 2');
    expect(uniqueName('Untitled world', ['untitled WORLD', 'Untitled world 2'])).toBe('Untitled world 3');
  });

  it('cleans the white space of the base first', () => {
    expect(uniqueName('  Shared   world ', [])).toBe('Shared world');
  });
});

describe('fileNameOf', () => {
  it('keeps letters of any script and replaces what file systems refuse', () => {
    expect(fileNameOf('나의 첫 환경', 'json')).toBe('나의 첫 환경.json');
    expect(fileNameOf('a/b:c*?', 'json')).toBe('a-b-c-.json');
  });

  it('never gives an empty or hidden file name', () => {
    expect(fileNameOf('...', 'json')).toBe('world.json');
    expect(fileNameOf('.hidden', 'json')).toBe('hidden.json');
  });
});
