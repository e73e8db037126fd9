/**
 * Connect a Gate account: key + secret (the secret goes to main once, into the keychain,
 * and is wiped from this form as soon as main answers), an optional verify call, where to
 * create a read-only key, and a way to try the app with demo data first. A key Gate says can
 * trade or withdraw is refused until "Save anyway" (the one answer that keeps the secret in the
 * form, for that second send); a saved key without an IP whitelist gets a calm note with its
 * estimated last day before the form closes.
 */
import { useId, useState, type FormEvent } from 'react';
import { appError, type AppError, type Result } from '../../../shared/errors.js';
import type { CredentialsStatus, SaveCredentialsInput, SaveCredentialsResult } from '../../../shared/ipc.js';
import type { KeyHealth } from '../../../shared/key-health.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { keyWarningText } from '../../../shared/present/key-health-words.js';
import { richText } from '../lib/rich-text.js';
import { useWords } from '../lib/words.js';

/** Props: where the key stands and what the buttons do. */
export interface OnboardingFormProps {
  readonly credentials: CredentialsStatus;
  /**
   * First run (full view), replacing a stored key / leaving the demo (with Cancel), or adding
   * another Gate account (Settings › Gate accounts: with its name, verified like the first).
   */
  readonly mode: 'first-run' | 'replace' | 'add';
  /** `alias`: what the user calls the added account ("add" only; empty otherwise). */
  readonly onSave: (input: SaveCredentialsInput, alias: string) => Promise<Result<SaveCredentialsResult>>;
  readonly onOpenKeyPage: () => void;
  readonly onDemo: (() => void) | null;
  readonly onCancel: (() => void) | null;
  /** Called after a successful save (e.g. to close the form). */
  readonly onSaved: () => void;
}

/** The key form. */
export function OnboardingForm({ credentials, mode, onSave, onOpenKeyPage, onDemo, onCancel, onSaved }: OnboardingFormProps) {
  const words = useWords();
  const id = useId();
  const [alias, setAlias] = useState('');
  const [key, setKey] = useState('');
  const [secret, setSecret] = useState('');
  const [verify, setVerify] = useState(true);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);
  /** A saved key Gate said something about (no IP whitelist, …): shown before the form closes. */
  const [savedHealth, setSavedHealth] = useState<{ readonly health: KeyHealth; readonly at: number } | null>(null);

  const title = words.t(
    mode === 'first-run' ? 'onboarding.title-first-run' : mode === 'add' ? 'settings.accounts.add-title' : 'onboarding.title-replace',
  );
  // Inside Settings, the added account's form is a section under Settings' own heading.
  const Title = mode === 'add' ? 'h2' : 'h1';

  const send = async (allowWriteKey: boolean) => {
    const input = { key: key.trim(), secret: secret.trim(), verify, ...(allowWriteKey ? { allowWriteKey } : {}) };
    if (input.key === '' || input.secret === '') {
      setProblem(appError('INVALID_CREDENTIALS_INPUT', { reason: 'both-needed' }));
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await onSave(input, alias.trim());
    // The secret never stays in the page longer than the request, but for the question "Save anyway?".
    if (result.ok || result.error.code !== 'KEY_CAN_WRITE') setSecret('');
    setBusy(false);
    if (result.ok) {
      setKey('');
      setAlias('');
      const health = result.value.keyHealth;
      const notable = health?.warnings.filter((w) => w !== 'WRITE_PERMISSIONS') ?? [];
      if (health != null && notable.length > 0) setSavedHealth({ health, at: Date.now() });
      else onSaved();
    } else {
      setProblem(result.error);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await send(false);
  };

  if (savedHealth !== null) {
    const { health, at } = savedHealth;
    return (
      <section className="onboarding" data-testid="key-saved-note">
        <Title>{title}</Title>
        {health.warnings
          .filter((w) => w !== 'WRITE_PERMISSIONS')
          .map((w) => (
            <p key={w} className="muted" data-warning={w}>
              {keyWarningText(words, w, health, at)}
            </p>
          ))}
        <div className="form-actions">
          <button
            type="button"
            className="button primary"
            autoFocus
            data-testid="key-saved-continue"
            onClick={() => {
              setSavedHealth(null);
              onSaved();
            }}
          >
            {words.t('key-health.continue')}
          </button>
        </div>
      </section>
    );
  }

  const keychain = credentials.keychainError === null ? null : errorWords(words, credentials.keychainError);
  const said = problem === null ? null : errorWords(words, problem);

  return (
    <form
      className="onboarding"
      aria-labelledby={`${id}-title`}
      data-testid={mode === 'add' ? 'add-account-form' : 'onboarding-form'}
      onSubmit={(e) => void onSubmit(e)}
    >
      <Title id={`${id}-title`}>{title}</Title>
      <p className="muted">
        {words.t('onboarding.intro-before')}
        <strong>{words.t('onboarding.intro-permission')}</strong>
        {words.t('onboarding.intro-after')}
      </p>
      <p className="muted" data-testid="holdings-permissions">
        {richText(words, 'onboarding.holdings-permissions', {
          spot: <strong>{words.t('onboarding.permission.spot')}</strong>,
          futures: <strong>{words.t('onboarding.permission.futures')}</strong>,
          earn: <strong>{words.t('onboarding.permission.earn')}</strong>,
          unified: <strong>{words.t('onboarding.permission.unified')}</strong>,
        })}
      </p>
      <button type="button" className="link-button" data-testid="open-key-page" onClick={onOpenKeyPage}>
        {words.t('onboarding.open-key-page')}
      </button>
      {mode !== 'add' && credentials.stored && credentials.keyHint !== null ? (
        <p className="muted" data-testid="stored-key-hint">
          {words.t('onboarding.stored-hint', { hint: credentials.keyHint })}
        </p>
      ) : null}
      {keychain !== null ? (
        <div className="panel panel-error" role="alert" data-testid="keychain-error">
          <div className="panel-title">{keychain.title}</div>
          <div className="panel-reason">{keychain.message}</div>
          <div className="panel-hint">{keychain.hint}</div>
        </div>
      ) : null}
      {mode === 'add' ? (
        <label className="field">
          <span>{words.t('settings.accounts.alias')}</span>
          <input
            autoFocus
            name="alias"
            type="text"
            autoComplete="off"
            spellCheck={false}
            data-testid="add-account-alias"
            value={alias}
            onChange={(e) => setAlias(e.target.value)}
            disabled={busy}
          />
        </label>
      ) : null}
      <label className="field">
        <span>{words.t('onboarding.key')}</span>
        <input
          // The popover opens on this form when no key is stored: start typing right away.
          autoFocus={mode !== 'add'}
          name="key"
          type="text"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          disabled={busy}
        />
      </label>
      <label className="field">
        <span>{words.t('onboarding.secret')}</span>
        <input
          name="secret"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          disabled={busy}
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={verify} onChange={(e) => setVerify(e.target.checked)} disabled={busy} />
        <span>{words.t('onboarding.verify')}</span>
      </label>
      {problem !== null && said !== null ? (
        <div className="panel panel-error" role="alert" data-testid="onboarding-error" data-code={problem.code}>
          <div className="panel-title">{said.title}</div>
          <div className="panel-reason">{said.message}</div>
          <div className="panel-hint">{said.hint}</div>
          {problem.code === 'KEY_CAN_WRITE' ? (
            <button type="button" className="button danger" data-testid="save-anyway" disabled={busy} onClick={() => void send(true)}>
              {words.t('key-health.save-anyway')}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy || keychain !== null}>
          {words.t(busy ? (verify ? 'onboarding.checking' : 'onboarding.saving') : 'onboarding.save')}
        </button>
        {onCancel !== null ? (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {words.t('onboarding.cancel')}
          </button>
        ) : null}
        {onDemo !== null ? (
          <button type="button" className="button ghost" data-testid="try-demo" onClick={onDemo} disabled={busy}>
            {words.t('onboarding.demo')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
