/**
 * How a scroll the app starts itself should move: a glide, or a jump when the reader's system asks
 * for less motion (prefers-reduced-motion). Read at each scroll, not once, since the setting can
 * change while the page is open. CSS scrolling follows the same setting in app/globals.css.
 */
export function scrollBehavior(): ScrollBehavior {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "instant" : "smooth";
}
