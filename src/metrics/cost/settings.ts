// Where an economic setting (exchange rate, tariff, PUE) comes from: the caller's option, else the fabric's
// `settings`, else the catalog's FACILITY constant. A bad option is a programmer error; a bad file value is reported.
import { LightfabricError } from '../../model/errors.js';
import type { Problem } from '../../model/problem.js';

export type SettingSource = 'option' | 'settings' | 'catalog';

export interface ResolvedSetting {
  value: number;
  source: SettingSource;
}

export interface SettingRule {
  /** Field name in FabricSettings and in the options, e.g. 'pue'. */
  name: string;
  /** Smallest allowed value and whether it is allowed itself. */
  min: number;
  minInclusive: boolean;
  /** What the value means, for messages: "PUE (facility power / IT power, >= 1)". */
  meaning: string;
}

function valid(x: unknown, rule: SettingRule): x is number {
  return typeof x === 'number' && Number.isFinite(x) && (rule.minInclusive ? x >= rule.min : x > rule.min);
}

export function resolveSetting(
  rule: SettingRule,
  option: number | undefined,
  setting: unknown,
  catalogValue: number,
  problems: Problem[],
): ResolvedSetting {
  if (option !== undefined) {
    if (!valid(option, rule)) {
      throw new LightfabricError('bad-option', `${rule.name} must be a finite number ${rule.minInclusive ? '>=' : '>'} ${rule.min} (${rule.meaning}); got ${option}`);
    }
    return { value: option, source: 'option' };
  }
  if (setting !== undefined) {
    if (valid(setting, rule)) return { value: setting, source: 'settings' };
    problems.push({
      path: `settings.${rule.name}`, code: 'bad-setting', severity: 'warning',
      message: `settings.${rule.name} is ${JSON.stringify(setting)}, not a number ${rule.minInclusive ? '>=' : '>'} ${rule.min} ` +
        `(${rule.meaning}): the catalog value ${catalogValue} is used instead; fix or remove the setting`,
    });
  }
  return { value: catalogValue, source: 'catalog' };
}

export const KRW_PER_USD: SettingRule = { name: 'krwPerUsd', min: 0, minInclusive: false, meaning: 'KRW per USD' };
export const TARIFF: SettingRule = { name: 'tariffKrwPerKwh', min: 0, minInclusive: true, meaning: 'electricity tariff, KRW per kWh' };
export const PUE: SettingRule = { name: 'pue', min: 1, minInclusive: true, meaning: 'facility power / IT power' };
