import { describe, expect, it } from 'vitest';
import type { PopoverPlacementInput, Rect } from './popover-position.js';
import { POPOVER_GAP, POPOVER_MARGIN, panelEdge, popoverPosition, trayEdge } from './popover-position.js';

const size = { width: 360, height: 480 };
const zero: Rect = { x: 0, y: 0, width: 0, height: 0 };

function place(partial: Partial<PopoverPlacementInput>) {
  const input: PopoverPlacementInput = {
    trayBounds: zero,
    windowSize: size,
    workArea: { x: 0, y: 0, width: 1920, height: 1080 },
    cursor: null,
    platform: 'linux',
    ...partial,
  };
  const p = popoverPosition(input);
  // Whatever the case, the window is fully inside the work area.
  const a = input.workArea;
  expect(p.x).toBeGreaterThanOrEqual(a.x);
  expect(p.y).toBeGreaterThanOrEqual(a.y);
  if (size.width <= a.width) expect(p.x + input.windowSize.width).toBeLessThanOrEqual(a.x + a.width);
  if (size.height <= a.height) expect(p.y + input.windowSize.height).toBeLessThanOrEqual(a.y + a.height);
  expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  return p;
}

describe('popoverPosition next to a tray icon', () => {
  it('macOS menu bar (top): below the icon, centred on it', () => {
    const p = place({
      platform: 'darwin',
      trayBounds: { x: 1500, y: 0, width: 22, height: 24 },
      workArea: { x: 0, y: 25, width: 1920, height: 1055 },
    });
    expect(p).toEqual({ x: 1511 - 180, y: 25 + POPOVER_GAP });
  });

  it('Windows taskbar at the bottom: above the icon', () => {
    const p = place({
      platform: 'win32',
      trayBounds: { x: 1700, y: 1050, width: 24, height: 30 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    });
    expect(p).toEqual({ x: 1712 - 180, y: 1040 - 480 - POPOVER_GAP });
  });

  it('taskbar on the left: to the right of the icon, vertically centred', () => {
    const p = place({
      platform: 'win32',
      trayBounds: { x: 10, y: 500, width: 24, height: 24 },
      workArea: { x: 60, y: 0, width: 1860, height: 1080 },
    });
    expect(p).toEqual({ x: 60 + POPOVER_GAP, y: 512 - 240 });
  });

  it('taskbar on the left with the icon near the bottom: kept above the bottom edge', () => {
    const p = place({
      platform: 'win32',
      trayBounds: { x: 10, y: 1040, width: 24, height: 24 },
      workArea: { x: 60, y: 0, width: 1860, height: 1080 },
    });
    expect(p).toEqual({ x: 60 + POPOVER_GAP, y: 1080 - 480 - POPOVER_MARGIN });
  });

  it('taskbar on the right: to the left of the icon, kept above the bottom edge', () => {
    const p = place({
      platform: 'win32',
      trayBounds: { x: 1880, y: 1040, width: 24, height: 24 },
      workArea: { x: 0, y: 0, width: 1860, height: 1080 },
    });
    expect(p.x).toBe(1860 - 360 - POPOVER_GAP);
    expect(p.y).toBe(1080 - 480 - POPOVER_MARGIN);
  });

  it('icon in the far top-right corner: pulled left to stay on screen', () => {
    const p = place({
      platform: 'darwin',
      trayBounds: { x: 1900, y: 0, width: 20, height: 24 },
      workArea: { x: 0, y: 25, width: 1920, height: 1055 },
    });
    expect(p.x).toBe(1920 - 360 - POPOVER_MARGIN);
  });

  it('icon in the far top-left corner: pushed right to stay on screen', () => {
    const p = place({ trayBounds: { x: 0, y: 0, width: 20, height: 24 }, workArea: { x: 0, y: 24, width: 1920, height: 1056 } });
    expect(p.x).toBe(POPOVER_MARGIN);
  });

  it('auto-hidden taskbar (icon inside the work area): the nearest edge decides', () => {
    const p = place({
      platform: 'win32',
      trayBounds: { x: 1700, y: 1056, width: 24, height: 24 },
      workArea: { x: 0, y: 0, width: 1920, height: 1080 },
    });
    expect(p.y).toBe(1056 - 480 - POPOVER_GAP);
  });

  it('second monitor left of the primary (negative coordinates)', () => {
    const p = place({
      platform: 'win32',
      trayBounds: { x: -300, y: 1050, width: 24, height: 30 },
      workArea: { x: -1920, y: 0, width: 1920, height: 1040 },
    });
    expect(p).toEqual({ x: -288 - 180, y: 1040 - 480 - POPOVER_GAP });
  });

  it('a work area smaller than the window: hugs its top-left', () => {
    const p = popoverPosition({
      platform: 'linux',
      trayBounds: { x: 300, y: 0, width: 20, height: 20 },
      windowSize: size,
      workArea: { x: 0, y: 20, width: 320, height: 400 },
      cursor: null,
    });
    expect(p).toEqual({ x: 0, y: 20 });
  });
});

describe('popoverPosition without tray bounds (Linux, Wayland)', () => {
  it('opens below a cursor on a top panel, clamped into the work area', () => {
    const p = place({ cursor: { x: 1800, y: 12 }, workArea: { x: 0, y: 32, width: 1920, height: 1048 } });
    expect(p).toEqual({ x: 1920 - 360 - POPOVER_MARGIN, y: 32 + POPOVER_MARGIN });
  });

  it('opens above a cursor on a bottom panel', () => {
    const p = place({ cursor: { x: 900, y: 1070 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } });
    expect(p).toEqual({ x: 900 - 180, y: 1040 - 480 - POPOVER_MARGIN });
  });

  it('cursor near the left edge of a left panel', () => {
    const p = place({ cursor: { x: 5, y: 300 }, workArea: { x: 48, y: 0, width: 1872, height: 1080 } });
    expect(p).toEqual({ x: 48 + POPOVER_MARGIN, y: 300 + POPOVER_GAP });
  });

  it('without a cursor: the top-right corner on Linux and macOS', () => {
    expect(place({ platform: 'linux', workArea: { x: 0, y: 32, width: 1920, height: 1048 } })).toEqual({
      x: 1920 - 360 - POPOVER_MARGIN,
      y: 32 + POPOVER_MARGIN,
    });
    expect(place({ platform: 'darwin', workArea: { x: 0, y: 25, width: 1440, height: 875 } })).toEqual({
      x: 1440 - 360 - POPOVER_MARGIN,
      y: 25 + POPOVER_MARGIN,
    });
  });

  it('without a cursor: the bottom-right corner on Windows', () => {
    expect(place({ platform: 'win32', workArea: { x: 0, y: 0, width: 1920, height: 1040 } })).toEqual({
      x: 1920 - 360 - POPOVER_MARGIN,
      y: 1040 - 480 - POPOVER_MARGIN,
    });
  });

  it('treats zero-width bounds at a real position as missing too', () => {
    const p = place({ trayBounds: { x: 500, y: 0, width: 0, height: 0 }, cursor: null });
    expect(p.x).toBe(1920 - 360 - POPOVER_MARGIN);
  });
});

describe('trayEdge', () => {
  const area = { x: 0, y: 30, width: 1000, height: 700 };
  it('names the nearest edge, inside or outside the work area', () => {
    expect(trayEdge({ x: 500, y: 0, width: 20, height: 20 }, area)).toBe('top');
    expect(trayEdge({ x: 500, y: 740, width: 20, height: 20 }, area)).toBe('bottom');
    expect(trayEdge({ x: -40, y: 300, width: 20, height: 20 }, area)).toBe('left');
    expect(trayEdge({ x: 990, y: 300, width: 20, height: 20 }, area)).toBe('right');
  });
});

describe('popoverPosition under XWayland (no tray bounds, no fresh cursor): the panel decides', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1080 };

  it('GNOME top bar (with a left dock): the top-right corner, against the bar', () => {
    expect(place({ displayBounds: display, workArea: { x: 64, y: 32, width: 1856, height: 1048 } })).toEqual({
      x: 1920 - 360 - POPOVER_MARGIN,
      y: 32 + POPOVER_GAP,
    });
  });

  it('KDE bottom panel: the bottom-right corner, against the panel', () => {
    expect(place({ displayBounds: display, workArea: { x: 0, y: 0, width: 1920, height: 1036 } })).toEqual({
      x: 1920 - 360 - POPOVER_MARGIN,
      y: 1036 - 480 - POPOVER_GAP,
    });
  });

  it('a left-only panel: the bottom of that side', () => {
    expect(place({ displayBounds: display, workArea: { x: 48, y: 0, width: 1872, height: 1080 } })).toEqual({
      x: 48 + POPOVER_GAP,
      y: 1080 - 480 - POPOVER_MARGIN,
    });
  });

  it('an auto-hiding panel (work area = display): the platform’s corner', () => {
    expect(place({ displayBounds: display, workArea: display })).toEqual({ x: 1920 - 360 - POPOVER_MARGIN, y: POPOVER_MARGIN });
    expect(panelEdge(display, display)).toBeNull();
    expect(panelEdge(undefined, display)).toBeNull();
  });
});
