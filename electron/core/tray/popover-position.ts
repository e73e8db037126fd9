/**
 * Where the popover window opens: next to the tray icon, on the side facing the screen, and
 * always fully inside the work area. Pure, so every screen edge, multi-monitor offsets and the
 * Linux/Wayland case (tray bounds all zero) are unit-tested without a display.
 */

/** A rectangle in screen coordinates (DIP), as Electron reports bounds. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A point in screen coordinates. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Inputs of `popoverPosition`. */
export interface PopoverPlacementInput {
  /** `tray.getBounds()`; all zero where the platform does not say (Linux, Wayland). */
  readonly trayBounds: Rect;
  readonly windowSize: { readonly width: number; readonly height: number };
  /** Work area of the display holding the tray (or the cursor): the screen minus panels and docks. */
  readonly workArea: Rect;
  /**
   * `screen.getCursorScreenPoint()` at the click, only when known to be fresh; `workArea` should
   * be its display's. Under XWayland it is stale after a click on the native panel (X11 only
   * learns of the pointer over X11 windows), so main passes null there.
   */
  readonly cursor: Point | null;
  /** The whole display (`display.bounds`): against `workArea` it tells which edge the panel is on. */
  readonly displayBounds?: Rect;
  readonly platform: NodeJS.Platform;
}

/** Which edge of the work area the tray sits on. */
export type TrayEdge = 'top' | 'bottom' | 'left' | 'right';

/** Space between the tray (or cursor) and the window. */
export const POPOVER_GAP = 4;
/** Space kept between the window and the work area's border when clamping. */
export const POPOVER_MARGIN = 8;

function isEmpty(rect: Rect): boolean {
  return rect.width <= 0 || rect.height <= 0;
}

function clamp(value: number, min: number, max: number): number {
  // When the window is larger than the space, its top/left edge wins (title and total stay visible).
  return Math.max(min, Math.min(value, max));
}

/** The edge of the work area nearest the tray icon's centre (outside the area counts as nearest). */
export function trayEdge(trayBounds: Rect, workArea: Rect): TrayEdge {
  const cx = trayBounds.x + trayBounds.width / 2;
  const cy = trayBounds.y + trayBounds.height / 2;
  const distances: Array<[TrayEdge, number]> = [
    ['top', cy - workArea.y],
    ['bottom', workArea.y + workArea.height - cy],
    ['left', cx - workArea.x],
    ['right', workArea.x + workArea.width - cx],
  ];
  distances.sort((a, b) => a[1] - b[1]);
  return (distances[0] as [TrayEdge, number])[0];
}

/**
 * Clamps a position into the work area. Along the axis facing the tray the window only needs
 * the small gap (it sits against the panel); along the other axis it keeps the wider margin.
 */
function fitInside(x: number, y: number, input: PopoverPlacementInput, marginX = POPOVER_MARGIN, marginY = POPOVER_MARGIN): Point {
  const { workArea, windowSize } = input;
  const minX = workArea.x + marginX;
  const minY = workArea.y + marginY;
  const maxX = workArea.x + workArea.width - windowSize.width - marginX;
  const maxY = workArea.y + workArea.height - windowSize.height - marginY;
  // A window wider/taller than the area minus margins hugs the area's own edge instead.
  const left = maxX < minX ? workArea.x : clamp(x, minX, maxX);
  const top = maxY < minY ? workArea.y : clamp(y, minY, maxY);
  return { x: Math.round(left), y: Math.round(top) };
}

function nextToTray(input: PopoverPlacementInput): Point {
  const { trayBounds: t, windowSize: w, workArea: a } = input;
  const cx = t.x + t.width / 2;
  const cy = t.y + t.height / 2;
  switch (trayEdge(t, a)) {
    case 'top':
      return fitInside(cx - w.width / 2, Math.max(t.y + t.height, a.y) + POPOVER_GAP, input, POPOVER_MARGIN, POPOVER_GAP);
    case 'bottom':
      return fitInside(cx - w.width / 2, Math.min(t.y, a.y + a.height) - w.height - POPOVER_GAP, input, POPOVER_MARGIN, POPOVER_GAP);
    case 'left':
      return fitInside(Math.max(t.x + t.width, a.x) + POPOVER_GAP, cy - w.height / 2, input, POPOVER_GAP, POPOVER_MARGIN);
    case 'right':
      return fitInside(Math.min(t.x, a.x + a.width) - w.width - POPOVER_GAP, cy - w.height / 2, input, POPOVER_GAP, POPOVER_MARGIN);
  }
}

function nearCursor(cursor: Point, input: PopoverPlacementInput): Point {
  const { windowSize: w, workArea: a } = input;
  // Open away from the nearest horizontal edge: below the cursor in the top half, above it in the bottom half.
  const inTopHalf = cursor.y < a.y + a.height / 2;
  const y = inTopHalf ? cursor.y + POPOVER_GAP : cursor.y - w.height - POPOVER_GAP;
  return fitInside(cursor.x - w.width / 2, y, input);
}

/**
 * The edge the panel is on: where the display's bounds exceed its work area. A horizontal panel
 * wins over a side one (a left dock beside GNOME's top bar: the tray is in the top bar); null
 * when the work area is the whole display (an auto-hiding panel) or the bounds are unknown.
 */
export function panelEdge(displayBounds: Rect | undefined, workArea: Rect): TrayEdge | null {
  if (!displayBounds) return null;
  const insets: Record<TrayEdge, number> = {
    top: workArea.y - displayBounds.y,
    bottom: displayBounds.y + displayBounds.height - (workArea.y + workArea.height),
    left: workArea.x - displayBounds.x,
    right: displayBounds.x + displayBounds.width - (workArea.x + workArea.width),
  };
  const horizontal = insets.top >= insets.bottom ? 'top' : 'bottom';
  if (insets[horizontal] > 0) return horizontal;
  const side = insets.left >= insets.right ? 'left' : 'right';
  return insets[side] > 0 ? side : null;
}

function workAreaCorner(input: PopoverPlacementInput): Point {
  const { windowSize: w, workArea: a } = input;
  // Trays sit at the panel's far end: the right end of a top or bottom panel, the bottom of a side one.
  switch (panelEdge(input.displayBounds, a)) {
    case 'top':
      return fitInside(a.x + a.width - w.width, a.y, input, POPOVER_MARGIN, POPOVER_GAP);
    case 'bottom':
      return fitInside(a.x + a.width - w.width, a.y + a.height - w.height, input, POPOVER_MARGIN, POPOVER_GAP);
    case 'left':
      return fitInside(a.x, a.y + a.height - w.height, input, POPOVER_GAP, POPOVER_MARGIN);
    case 'right':
      return fitInside(a.x + a.width - w.width, a.y + a.height - w.height, input, POPOVER_GAP, POPOVER_MARGIN);
    case null: {
      // Windows puts the notification area bottom-right; GNOME/KDE top bars and macOS put it top-right.
      const y = input.platform === 'win32' ? a.y + a.height - w.height : a.y;
      return fitInside(a.x + a.width - w.width, y, input);
    }
  }
}

/** Top-left corner for the popover window. */
export function popoverPosition(input: PopoverPlacementInput): Point {
  if (!isEmpty(input.trayBounds)) return nextToTray(input);
  // The cursor is usually on the panel itself, outside the work area: clamping brings the window in.
  if (input.cursor !== null) return nearCursor(input.cursor, input);
  return workAreaCorner(input);
}
