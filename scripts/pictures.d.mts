/** A picture a browser journey makes. */
export interface BrowserPicture {
  readonly file: string;
  readonly by: 'browser';
  readonly theme: 'light' | 'dark';
  readonly language: 'en' | 'zh-CN';
}
/** A picture the waybar script makes. */
export interface WaybarPicture {
  readonly file: string;
  readonly by: 'waybar';
}
export type Picture = BrowserPicture | WaybarPicture;

export const PICTURES_DIR: string;
export const PICTURES: readonly Picture[];
export const BROWSER_PICTURES: readonly BrowserPicture[];
export function referencedPictures(markdown: string): string[];
export function picturesProblems(input: {
  readme: string;
  pictures: readonly { readonly file: string; readonly by: string }[];
  journeys: readonly string[];
  docs: readonly string[];
}): string[];
