/**
 * Settings › Gate accounts, under the first key's own controls: every key the app reads (its
 * name, the key's last four characters, how its last read went), "Add another Gate account"
 * (the key form, verified like the first), remove an added key after a question, per key
 * "Include its sub-accounts" with each listed sub-account counted or left out, and what the tray
 * shows. In demo mode: whether the demo's sub-accounts are shown. Every change goes to main at
 * once; the list shows what main's state says. A key is only ever known by its hint.
 */
import { useId, useState } from 'react';
import type { Result } from '../../../shared/errors.js';
import type {
  AddGateAccountInput,
  AddGateAccountResult,
  CredentialsStatus,
  GateAccountPatch,
  PreferencesPatch,
} from '../../../shared/ipc.js';
import { DEFAULT_PROFILE, keySourceId, type GateAccount, type Source } from '../../../shared/portfolio.js';
import { keyName, sourceName } from '../../../shared/present/portfolio-words.js';
import type { Preferences } from '../../../shared/prefs.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { useWords } from '../lib/words.js';
import { OnboardingForm } from './OnboardingForm.js';

/** Props: the listed keys, the sources they read, and what the controls ask of main. */
export interface GateAccountsSettingsProps {
  readonly gateAccounts: readonly GateAccount[];
  /** The portfolio's sources (empty without a portfolio): each key's status, and the tray's choices. */
  readonly sources: readonly Source[];
  readonly prefs: Preferences;
  readonly credentials: CredentialsStatus;
  readonly demo: boolean;
  readonly onAdd: (input: AddGateAccountInput) => Promise<Result<AddGateAccountResult>>;
  readonly onRemove: (profile: string) => void;
  readonly onSet: (patch: GateAccountPatch) => void;
  readonly onChange: (patch: PreferencesPatch) => void;
  /** Opens Gate's API key page (the add form's link). */
  readonly onOpenKeyPage: () => void;
}

/** One listed key. */
function AccountRow({
  account,
  source,
  onRemove,
  onSet,
}: {
  readonly account: GateAccount;
  readonly source: Source | undefined;
  readonly onRemove: (profile: string) => void;
  readonly onSet: (patch: GateAccountPatch) => void;
}) {
  const words = useWords();
  const id = useId();
  const [confirm, setConfirm] = useState(false);
  const { profile } = account;
  const alias = keyName(words, profile, account.alias);
  const said = source?.error != null ? errorWords(words, source.error) : null;
  const subs = account.subAccounts;
  const excludedWith = (uid: string, included: boolean): string[] =>
    (subs ?? []).filter((s) => (s.uid === uid ? !included : !s.included)).map((s) => s.uid);

  return (
    <li className="gate-account" data-testid={`gate-account-${profile}`} data-status={source?.status ?? 'none'}>
      <div className="gate-account-head">
        <strong className="gate-account-alias">{alias}</strong>
        {account.keyHint !== null ? (
          <span className="muted">{words.t('settings.accounts.key-hint', { hint: account.keyHint })}</span>
        ) : null}
        {profile === DEFAULT_PROFILE ? <span className="muted">{words.t('settings.accounts.first-key')}</span> : null}
        <span className="spacer" />
        <span className={`gate-account-status status-${source?.status ?? 'none'}`} data-testid="gate-account-status">
          {words.t('settings.accounts.status', { status: source?.status ?? 'none' })}
        </span>
      </div>
      {said !== null ? (
        <p className="warn gate-account-error" data-testid="gate-account-error" data-code={source?.error?.code}>
          {said.message} {said.hint}
        </p>
      ) : null}
      <label className="check">
        <input
          type="checkbox"
          checked={account.includeSubAccounts}
          data-testid={`include-subs-${profile}`}
          onChange={(e) => onSet({ profile, includeSubAccounts: e.target.checked })}
        />
        <span>{words.t('settings.accounts.include-subs')}</span>
      </label>
      {account.includeSubAccounts ? (
        subs === null ? (
          <p className="muted" data-testid={`subs-listing-${profile}`}>
            {words.t('settings.accounts.subs-listing')}
          </p>
        ) : subs.length === 0 ? (
          <p className="muted" data-testid={`subs-none-${profile}`}>
            {words.t('settings.accounts.subs-none')}
          </p>
        ) : (
          <fieldset className="sub-accounts" aria-labelledby={`${id}-subs`}>
            <legend id={`${id}-subs`}>{words.t('settings.accounts.subs-of', { alias })}</legend>
            {subs.map((s) => (
              <label key={s.uid} className="check">
                <input
                  type="checkbox"
                  checked={s.included}
                  data-testid={`sub-${profile}-${s.uid}`}
                  onChange={(e) => onSet({ profile, excludedSubAccounts: excludedWith(s.uid, e.target.checked) })}
                />
                <span>{words.t('settings.accounts.sub', { name: s.name, uid: s.uid })}</span>
              </label>
            ))}
          </fieldset>
        )
      ) : null}
      {/* The first key is removed with its own controls above (which also ask about its history). */}
      {profile !== DEFAULT_PROFILE ? (
        confirm ? (
          <div className="confirm" role="group" aria-label={words.t('settings.confirm-removal')}>
            <p>{words.t('settings.accounts.remove-question', { alias })}</p>
            <button
              type="button"
              className="button danger"
              data-testid={`confirm-remove-account-${profile}`}
              onClick={() => {
                setConfirm(false);
                onRemove(profile);
              }}
            >
              {words.t('settings.remove')}
            </button>
            <button type="button" className="button" data-testid={`keep-account-${profile}`} onClick={() => setConfirm(false)}>
              {words.t('settings.keep')}
            </button>
          </div>
        ) : (
          <div className="form-actions">
            <button type="button" className="button danger" data-testid={`remove-account-${profile}`} onClick={() => setConfirm(true)}>
              {words.t('settings.accounts.remove')}
            </button>
          </div>
        )
      ) : null}
    </li>
  );
}

/** The Gate accounts section. */
export function GateAccountsSettings({
  gateAccounts,
  sources,
  prefs,
  credentials,
  demo,
  onAdd,
  onRemove,
  onSet,
  onChange,
  onOpenKeyPage,
}: GateAccountsSettingsProps) {
  const words = useWords();
  const [adding, setAdding] = useState(false);
  const demoSubs = prefs.gateAccounts.find((a) => a.profile === DEFAULT_PROFILE)?.includeSubAccounts ?? false;

  return (
    <div className="key-box gate-accounts" data-testid="gate-accounts">
      {/* The add button shares the heading's row: with one key, the whole tab fits the popover. */}
      <div className="gate-accounts-head">
        <h2>{words.t('settings.accounts.title')}</h2>
        {credentials.stored && !demo && !adding ? (
          <button type="button" className="link-button" data-testid="add-account" onClick={() => setAdding(true)}>
            {words.t('settings.accounts.add')}
          </button>
        ) : null}
      </div>
      {demo ? (
        <label className="check">
          <input
            type="checkbox"
            checked={demoSubs}
            data-testid="demo-sub-accounts"
            onChange={(e) => onSet({ profile: DEFAULT_PROFILE, includeSubAccounts: e.target.checked })}
          />
          <span>{words.t('settings.accounts.demo-subs')}</span>
        </label>
      ) : null}
      {gateAccounts.length > 0 ? (
        <ul className="gate-account-list" aria-label={words.t('settings.accounts.list')}>
          {gateAccounts.map((a) => (
            <AccountRow
              key={a.profile}
              account={a}
              source={sources.find((s) => s.id === keySourceId(a.profile))}
              onRemove={onRemove}
              onSet={onSet}
            />
          ))}
        </ul>
      ) : null}
      {sources.length > 0 ? (
        <label className="field">
          <span>{words.t('settings.accounts.tray')}</span>
          <select
            data-testid="tray-source"
            value={prefs.traySource ?? ''}
            onChange={(e) => onChange({ traySource: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{words.t('settings.accounts.tray-combined')}</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {sourceName(words, s)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {credentials.stored && !demo && adding ? (
        <OnboardingForm
          credentials={credentials}
          mode="add"
          onSave={(input, alias) => onAdd({ ...input, alias })}
          onOpenKeyPage={onOpenKeyPage}
          onDemo={null}
          onCancel={() => setAdding(false)}
          onSaved={() => setAdding(false)}
        />
      ) : null}
    </div>
  );
}
