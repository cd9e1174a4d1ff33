// Parameter checks shared by the generators: each failure throws GeneratorParamError(param, message) with a
// message that says what would work.
import { GeneratorParamError } from '../model/errors.js';

export function intParam(param: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER, hint = ''): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
    throw new GeneratorParamError(param, `got ${fmt(value)}; use ${range}${hint ? ` (${hint})` : ''}`);
  }
  return value;
}

export function evenParam(param: string, value: unknown, min: number, hint = ''): number {
  const v = intParam(param, value, min, Number.MAX_SAFE_INTEGER, hint);
  if (v % 2 !== 0) {
    throw new GeneratorParamError(param, `got ${v}; use an even integer >= ${min}, e.g. ${v - 1 >= min ? `${v - 1} or ` : ''}${v + 1}${hint ? ` (${hint})` : ''}`);
  }
  return v;
}

export function positiveParam(param: string, value: unknown, hint = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new GeneratorParamError(param, `got ${fmt(value)}; use a number > 0${hint ? ` (${hint})` : ''}`);
  }
  return value;
}

export function fractionParam(param: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new GeneratorParamError(param, `got ${fmt(value)}; use a fraction from 0 to 1`);
  }
  return value;
}

export function boolParam(param: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new GeneratorParamError(param, `got ${fmt(value)}; use true or false`);
  return value;
}

export function oneOfParam<T extends string>(param: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new GeneratorParamError(param, `got ${fmt(value)}; use one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Dimensions as an array or a string like "4x4x4" (also "4,4,4"). */
export function dimsParam(param: string, value: unknown, min = 2, hint = ''): number[] {
  let arr: unknown[];
  if (typeof value === 'string') arr = value.split(/[x,×\s]+/i).filter(Boolean).map(Number);
  else if (Array.isArray(value)) arr = value;
  else if (typeof value === 'number') arr = [value];
  else throw new GeneratorParamError(param, `got ${fmt(value)}; use sizes like 4x4x4`);
  if (arr.length === 0) throw new GeneratorParamError(param, 'no dimensions given; use sizes like 4x4x4');
  return arr.map((v, i) => intParam(`${param}[${i}]`, v, min, Number.MAX_SAFE_INTEGER, hint));
}

export function fmt(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'nothing';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

export function rangeParam(param: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new GeneratorParamError(param, `got ${fmt(value)}; use a number from ${min} to ${max}`);
  }
  return value;
}
