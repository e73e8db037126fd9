/**
 * Settings › API key › what Gate says of the key: read-only ✓/✗, bound to an IP address ✓/✗,
 * when it stops working (always "about": an estimate), its state, when it was last checked, the
 * warnings, and "Check now".
 */
import type { KeyHealthState } from '../../../shared/key-health.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { keyHealthFacts, keyWarningText } from '../../../shared/present/key-health-words.js';
import { asOfTime } from '../../../shared/present/dates.js';
import { useWords } from '../lib/words.js';

export interface KeyHealthSectionProps {
  readonly keyHealth: KeyHealthState;
  readonly now: number;
  readonly onCheckNow: () => void;
}

const MARKS = { true: '✓', false: '✗', null: '–' } as const;

/** The key's health, as the last check found it. */
export function KeyHealthSection({ keyHealth, now, onCheckNow }: KeyHealthSectionProps) {
  const words = useWords();
  const { health, checking, error } = keyHealth;
  const failed = error === null ? null : errorWords(words, error);
  return (
    <div className="key-health" data-testid="key-health">
      <h3>{words.t('key-health.title')}</h3>
      {health !== null ? (
        <dl className="key-facts">
          {keyHealthFacts(words, health, now).map((fact) => (
            <div key={fact.id} className="key-fact" data-testid={`key-fact-${fact.id}`} data-good={String(fact.good)}>
              <dt>{fact.label}</dt>
              <dd>
                <span className={fact.good === false ? 'mark bad' : 'mark'} aria-hidden="true">
                  {MARKS[String(fact.good) as keyof typeof MARKS]}
                </span>{' '}
                {fact.value}
              </dd>
            </div>
          ))}
          <div className="key-fact" data-testid="key-fact-checked">
            <dt>{words.t('key-health.checked')}</dt>
            <dd>{asOfTime(words, health.checkedAt, now)}</dd>
          </div>
        </dl>
      ) : null}
      {health !== null && health.warnings.length > 0 ? (
        <ul className="key-warnings" data-testid="key-warnings">
          {health.warnings.map((w) => (
            <li key={w} data-warning={w}>
              {keyWarningText(words, w, health, now)}
            </li>
          ))}
        </ul>
      ) : null}
      {failed !== null ? (
        <p className="warn" data-testid="key-health-error">
          {words.t('key-health.check-failed', { message: failed.message })}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCheckNow} disabled={checking} data-testid="key-health-check">
          {words.t(checking ? 'key-health.checking' : 'key-health.check-now')}
        </button>
      </div>
    </div>
  );
}
