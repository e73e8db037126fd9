/**
 * The IPC router: the one place every renderer request passes through before it reaches app
 * code, and the process boundary where "never throws" is guaranteed. It rejects unknown
 * channels, untrusted senders and invalid payloads as typed errors, turns a throwing handler
 * into INTERNAL (logged without payloads), and rebuilds credential-bearing replies field by
 * field so nothing secret can ride along. Electron main and the browser e2e bridge both
 * dispatch through it.
 */
import type {
  CredentialsNotice,
  CredentialsStatus,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
  SaveCredentialsResult,
  WidgetState,
} from '../../../shared/ipc.js';
import { INVOKE_CHANNELS } from '../../../shared/ipc.js';
import type { KeyHealth } from '../../../shared/key-health.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { fail } from '../../../shared/errors.js';
import { parseChannelArgs } from './schemas.js';
import type { IpcSenderInfo, SenderTrust } from './sender.js';
import { isTrustedSender } from './sender.js';

/** One handler per channel, typed from the contract; each answers a Result (a throw becomes INTERNAL here). */
export type IpcHandlers = {
  readonly [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<InvokeResult<C>>;
};

/** Where the router reports rejections and crashes: channel and code only, never arguments. */
type IpcLog = (message: string) => void;

/** Options of `createIpcRouter`. */
export interface IpcRouterOptions {
  readonly trust: SenderTrust;
  readonly log?: IpcLog;
}

/** What main (and the e2e bridge) calls for every invoke. */
export interface IpcRouter {
  /** Validates and routes one request; always resolves, never rejects. */
  dispatch(channel: string, args: unknown, sender: IpcSenderInfo): Promise<Result<unknown>>;
  /** The channels it serves (all of INVOKE_CHANNELS): main registers one ipcMain handler each. */
  readonly channels: readonly InvokeChannel[];
}

function isChannel(channel: string): channel is InvokeChannel {
  return (INVOKE_CHANNELS as readonly string[]).includes(channel);
}

/** Only an error's own fields, and of its params only strings and finite numbers. */
function copyError(error: AppError): AppError {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.params ?? {})) {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) params[name] = value;
  }
  const base = { code: error.code, params, detail: typeof error.detail === 'string' ? error.detail : null };
  return typeof error.retryAfterMs === 'number' ? { ...base, retryAfterMs: error.retryAfterMs } : base;
}

/** Only the three public fields of a credentials status, whatever the handler put in the object. */
function toPublicCredentialsStatus(status: CredentialsStatus): CredentialsStatus {
  return {
    stored: status.stored === true,
    keyHint: typeof status.keyHint === 'string' ? status.keyHint : null,
    keychainError: status.keychainError ? copyError(status.keychainError) : null,
  };
}

/** A save notice by its known fields only (an error inside one as a public copy). */
function toPublicNotice(notice: CredentialsNotice): CredentialsNotice {
  switch (notice.kind) {
    case 'key-shape':
    case 'secret-shape':
      return { kind: notice.kind, length: Number(notice.length) };
    case 'verify-failed':
      return { kind: 'verify-failed', error: copyError(notice.error) };
    default:
      return { kind: 'verify-unavailable' };
  }
}

/** A reply rebuilt so that credential-bearing values carry only their public fields. */
function sanitizeValue(channel: InvokeChannel, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  switch (channel) {
    case 'state:get':
      return toPublicState(value as WidgetState);
    case 'credentials:clear':
      return toPublicCredentialsStatus(value as CredentialsStatus);
    case 'credentials:save': {
      const v = value as SaveCredentialsResult;
      return {
        status: toPublicCredentialsStatus(v.status),
        notices: Array.isArray(v.notices) ? v.notices.map(toPublicNotice) : [],
        verified: v.verified === true,
        keyHealth: v.keyHealth ? toPublicKeyHealth(v.keyHealth) : null,
      };
    }
    default:
      return value;
  }
}

/** Gate's facts about a key, field by field (permission names, flags, times), so nothing else rides along. */
function toPublicKeyHealth(h: KeyHealth): KeyHealth {
  return {
    checkedAt: h.checkedAt,
    readOnly: h.readOnly,
    writePermissions: [...h.writePermissions],
    ipBound: h.ipBound,
    expiresAt: h.expiresAt,
    state: h.state,
    warnings: [...h.warnings],
  };
}

/** A state as it may reach a renderer (a `state:get` reply or a push): credentials by their public fields only. */
export function toPublicState(state: WidgetState): WidgetState {
  return { ...state, credentials: { ...toPublicCredentialsStatus(state.credentials), checking: state.credentials.checking === true } };
}

function sanitizeResult(channel: InvokeChannel, result: Result<unknown>): Result<unknown> {
  if (result.ok) return { ok: true, value: sanitizeValue(channel, result.value) };
  return { ok: false, error: copyError(result.error) };
}

/** Builds the router over one handler per channel. */
export function createIpcRouter(handlers: IpcHandlers, options: IpcRouterOptions): IpcRouter {
  const log: IpcLog = options.log ?? ((message) => console.warn(message));
  return {
    channels: INVOKE_CHANNELS,
    async dispatch(channel, args, sender) {
      if (typeof channel !== 'string' || !isChannel(channel)) {
        log('ipc: rejected a request on an unknown channel');
        return fail('INVALID_REQUEST', { reason: 'unknown-channel' });
      }
      if (!isTrustedSender(sender, options.trust)) {
        log(`ipc: rejected ${channel} from an untrusted sender`);
        return fail('UNTRUSTED_SENDER');
      }
      const parsed = parseChannelArgs(channel, args);
      if (!parsed.ok) {
        log(`ipc: rejected ${channel}: invalid payload`);
        return fail('INVALID_REQUEST', { reason: 'payload', channel }, parsed.message);
      }
      const handler = handlers[channel] as (...a: readonly unknown[]) => Promise<Result<unknown>>;
      try {
        const result = await handler(...(parsed.args as readonly unknown[]));
        if (result === null || typeof result !== 'object' || typeof result.ok !== 'boolean') {
          log(`ipc: ${channel} handler answered no result`);
          return fail('INTERNAL', { reason: 'ipc' });
        }
        return sanitizeResult(channel, result);
      } catch (error) {
        const name = error instanceof Error ? error.name : typeof error;
        log(`ipc: ${channel} handler threw (${name})`);
        return fail('INTERNAL', { reason: 'ipc' });
      }
    },
  };
}
