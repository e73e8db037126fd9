/**
 * Settings › Alerts: the rules of `prefs.alerts` (above or below a total in a currency, a move
 * of more than P % within 24 hours, "cannot read the account any more"), each removable, and a
 * form that adds one. Main validates every rule again (alert-schema.ts); core decides when one
 * fires and main shows it as a notification.
 */
import { useId, useState } from 'react';
import { MAX_ALERTS, MAX_UNREADABLE_MINUTES, MIN_UNREADABLE_MINUTES, type AlertRule } from '../../../shared/alerts.js';
import { CURRENCIES, type Currency } from '../../../shared/balance.js';
import { compareDecimals } from '../../../shared/decimal.js';
import type { DesktopStatus, PreferencesPatch } from '../../../shared/ipc.js';
import type { Preferences } from '../../../shared/prefs.js';
import { displayMoney, PRIVACY_MASK } from '../../../shared/present/amounts.js';
import { formatAge, type Words } from '../../../shared/present/message-words.js';
import { useWords } from '../lib/words.js';
import { SettingsSection } from './SettingsSection.js';

/** Props: the preferences (rules, currency, privacy) and where changes go. */
export interface AlertsSettingsProps {
  readonly prefs: Preferences;
  /** `blocked` once the system refused a notification: alerts cannot show until the user allows them. */
  readonly notifications: DesktopStatus['notifications'];
  readonly onChange: (patch: PreferencesPatch) => void;
}

type Kind = AlertRule['kind'];

const KINDS: readonly Kind[] = ['above', 'below', 'move', 'unreadable'];

const KIND_WORDS = {
  above: 'alerts.kind-above',
  below: 'alerts.kind-below',
  move: 'alerts.kind-move',
  unreadable: 'alerts.kind-unreadable',
} as const satisfies Readonly<Record<Kind, string>>;

/** Minutes offered for "cannot read": from a few missed refreshes to a day. */
const STALE_MINUTES = [10, 30, 60, 180, 720, 1440].filter((m) => m >= MIN_UNREADABLE_MINUTES && m <= MAX_UNREADABLE_MINUTES);

/** A plain positive decimal as people type it (spaces and `_` as digit groups are dropped). */
function parsePositive(text: string): string | null {
  const plain = text.replace(/[\s_]/g, '');
  return /^\d+(\.\d+)?$/.test(plain) && compareDecimals(plain, '0') > 0 ? plain : null;
}

function ruleWords(words: Words, rule: AlertRule, privacy: boolean): string {
  switch (rule.kind) {
    case 'above':
    case 'below': {
      const money = privacy ? `${PRIVACY_MASK} ${rule.currency}` : displayMoney(words, rule.threshold, rule.currency, { privacy: false });
      return words.t(rule.kind === 'above' ? 'alerts.rule-above' : 'alerts.rule-below', { money });
    }
    case 'move':
      return words.t('alerts.rule-move', { percent: rule.percent, currency: rule.currency });
    case 'unreadable':
      return words.t('alerts.rule-unreadable', { age: formatAge(words, rule.staleMinutes * 60) });
  }
}

/** An id no rule has: the schema allows 1–40 of [A-Za-z0-9_-]. */
function newId(rules: readonly AlertRule[], now: number): string {
  const taken = new Set(rules.map((r) => r.id));
  let n = 0;
  let id = `alert-${now.toString(36)}`;
  while (taken.has(id)) id = `alert-${now.toString(36)}-${(n += 1)}`;
  return id;
}

/** The Alerts section. */
export function AlertsSettings({ prefs, notifications, onChange }: AlertsSettingsProps) {
  const words = useWords();
  const id = useId();
  const rules = prefs.alerts;
  const [kind, setKind] = useState<Kind>('above');
  const [currency, setCurrency] = useState<Currency>(prefs.currency);
  const [value, setValue] = useState('');
  const [minutes, setMinutes] = useState(STALE_MINUTES[1] ?? MIN_UNREADABLE_MINUTES);
  const [problem, setProblem] = useState<string | null>(null);
  const full = rules.length >= MAX_ALERTS;

  const add = () => {
    let rule: AlertRule;
    const ruleId = newId(rules, Date.now());
    if (kind === 'unreadable') {
      rule = { id: ruleId, kind, staleMinutes: minutes };
    } else {
      const parsed = parsePositive(value);
      if (parsed === null || (kind === 'move' && compareDecimals(parsed, '1000') > 0)) {
        setProblem(words.t(kind === 'move' ? 'alerts.invalid-percent' : 'alerts.invalid-amount'));
        return;
      }
      rule = kind === 'move' ? { id: ruleId, kind, currency, percent: parsed } : { id: ruleId, kind, currency, threshold: parsed };
    }
    setProblem(null);
    setValue('');
    onChange({ alerts: [...rules, rule] });
  };

  return (
    <SettingsSection title={words.t('settings.section-alerts')} testId="settings-alerts">
      {notifications === 'blocked' ? (
        <p className="warn" role="status" data-testid="notifications-blocked">
          {words.t('alerts.notifications-blocked')}
        </p>
      ) : null}
      {rules.length === 0 ? (
        <p className="muted" data-testid="alerts-none">
          {words.t('alerts.none')}
        </p>
      ) : (
        <ul className="alert-list" data-testid="alert-list">
          {rules.map((rule) => {
            const said = ruleWords(words, rule, prefs.privacy);
            return (
              <li key={rule.id} data-testid={`alert-${rule.kind}`}>
                <span>{said}</span>
                <button
                  type="button"
                  className="link-button danger-link"
                  aria-label={words.t('alerts.remove-named', { rule: said })}
                  onClick={() => onChange({ alerts: rules.filter((r) => r.id !== rule.id) })}
                >
                  {words.t('alerts.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <fieldset className="alert-form" data-testid="alert-form" disabled={full}>
        <legend>{words.t('alerts.add-title')}</legend>
        <label className="field">
          <span>{words.t('alerts.kind')}</span>
          <select
            value={kind}
            data-testid="alert-kind"
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setProblem(null);
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {words.t(KIND_WORDS[k])}
              </option>
            ))}
          </select>
        </label>
        {kind === 'unreadable' ? (
          <label className="field">
            <span>{words.t('alerts.stale-for')}</span>
            <select value={minutes} data-testid="alert-minutes" onChange={(e) => setMinutes(Number(e.target.value))}>
              {STALE_MINUTES.map((m) => (
                <option key={m} value={m}>
                  {formatAge(words, m * 60)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <div className="alert-value">
            <label className="field">
              <span>{words.t(kind === 'move' ? 'alerts.percent' : 'alerts.amount')}</span>
              <input
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={value}
                data-testid="alert-value"
                aria-describedby={problem !== null ? `${id}-problem` : undefined}
                aria-invalid={problem !== null}
                onChange={(e) => setValue(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') add();
                }}
              />
            </label>
            <label className="field">
              <span>{words.t('currency.label')}</span>
              <select value={currency} data-testid="alert-currency" onChange={(e) => setCurrency(e.target.value as Currency)}>
                {CURRENCIES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        {problem !== null ? (
          <small className="warn" id={`${id}-problem`} role="alert" data-testid="alert-problem">
            {problem}
          </small>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button" data-testid="alert-add" onClick={add}>
            {words.t('alerts.add')}
          </button>
        </div>
      </fieldset>
      <small className="muted">{words.t(full ? 'alerts.full' : 'alerts.note', { max: MAX_ALERTS })}</small>
    </SettingsSection>
  );
}
