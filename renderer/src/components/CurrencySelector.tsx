/**
 * The BTC / CNY / USD / USDT segmented control. A real radiogroup with a roving tab stop:
 * arrows move and select, Home/End jump, so it works without a mouse.
 */
import { useRef, type KeyboardEvent } from 'react';
import { CURRENCIES, type Currency } from '../../../shared/balance.js';
import { useWords } from '../lib/words.js';

/** Props: the selected currency and what to do when another is picked. */
export interface CurrencySelectorProps {
  readonly value: Currency;
  readonly onChange: (currency: Currency) => void;
}

/** Segmented radiogroup of Gate's four conversion currencies. */
export function CurrencySelector({ value, onChange }: CurrencySelectorProps) {
  const words = useWords();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const pick = (index: number) => {
    const n = CURRENCIES.length;
    const i = ((index % n) + n) % n;
    const next = CURRENCIES[i];
    if (next === undefined) return;
    refs.current[i]?.focus();
    if (next !== value) onChange(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        pick(index + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        pick(index - 1);
        break;
      case 'Home':
        pick(0);
        break;
      case 'End':
        pick(CURRENCIES.length - 1);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div className="segmented" role="radiogroup" aria-label={words.t('currency.label')} data-testid="currency-selector">
      {CURRENCIES.map((c, i) => {
        const checked = c === value;
        return (
          <button
            key={c}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            className="segment"
            data-testid={`currency-${c}`}
            onClick={() => pick(i)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {c}
          </button>
        );
      })}
    </div>
  );
}
