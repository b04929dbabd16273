import { describe, expect, it } from 'vitest';
import { VARIABLE_NAME } from '../../../src/formats/interpolate.js';
import { upperSnake, variableBaseName, VariableNames } from '../../../src/kinds/kit/variable-names.js';

describe('variable names', () => {
  it.each([
    ['aws-main', 'AWS_MAIN'],
    ['secretKey', 'SECRET_KEY'],
    ['privateKey', 'PRIVATE_KEY'],
    ['SENTIEON_LICENSE', 'SENTIEON_LICENSE'],
    ['marine-omics', 'MARINE_OMICS'],
    ['HTTPServer', 'HTTP_SERVER'],
    ['a--b__c', 'A_B_C'],
    ['-x-', 'X'],
  ])('upperSnake(%s) = %s', (input, expected) => {
    expect(upperSnake(input)).toBe(expected);
  });

  it('joins workspace, credential and field', () => {
    expect(variableBaseName(['ausgen', 'aws-main', 'secretKey'])).toBe('AUSGEN_AWS_MAIN_SECRET_KEY');
    expect(variableBaseName(['ausgen', 'SENTIEON_LICENSE'])).toBe('AUSGEN_SENTIEON_LICENSE');
  });

  it('always gives a valid variable name', () => {
    expect(variableBaseName(['1000g', 'ssh', 'privateKey'])).toBe('_1000G_SSH_PRIVATE_KEY');
    expect(variableBaseName(['--', ''])).toBe('SECRET');
    for (const parts of [
      ['1000g', 'x'],
      ['é', 'ü'],
      ['a.b', 'c d'],
    ]) {
      expect(variableBaseName(parts)).toMatch(VARIABLE_NAME);
    }
  });

  it('suffixes a name that is already taken', () => {
    const names = new VariableNames();
    expect(names.allocate(['a-b', 'c'])).toBe('A_B_C');
    expect(names.allocate(['a', 'b-c'])).toBe('A_B_C_2');
    expect(names.allocate(['a_b', 'c'])).toBe('A_B_C_3');
    expect(names.allocate(['a', 'd'])).toBe('A_D');
  });
});
