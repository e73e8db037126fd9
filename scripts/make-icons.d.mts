/** The tray states the icons are drawn for. */
export declare const ICON_KINDS: readonly string[];
/** Every icon file under build/ as relative name → PNG bytes (deterministic). */
export declare function renderIcons(): Map<string, Buffer>;
