/**
 * A panel kept built while out of sight keeps the box it had on screen, unseen, instead of `display: none`.
 * AG Grid inside an element with no layout measures its height as NaN, and as NaN never equals itself
 * it redraws and measures again on every frame: a hidden drill level took ~10% of a core for as long as
 * the exception rows were shown over it, and the engine's pages shared the cores with it. In its own
 * box, unchanged, the grid has nothing to redo when it is hidden or shown again.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

const SIDES = ['top', 'left', 'width', 'height'] as const;

/** While `offstage` (with the `offstage` class, see styles.css), `element` takes the box it had last on screen. */
export function useKeptBox(element: RefObject<HTMLElement | null>, offstage: boolean): void {
  const box = useRef<Record<(typeof SIDES)[number], number> | null>(null);
  useLayoutEffect(() => {
    const panel = element.current;
    if (!panel) return;
    if (offstage) {
      // Before the frame that hides it: nothing is laid out in between.
      if (box.current) for (const side of SIDES) panel.style.setProperty(side, `${box.current[side]}px`);
      return;
    }
    for (const side of SIDES) panel.style.removeProperty(side);
    // Read once layout is done (an observer's callback), never forcing one on the way to a frame.
    const observer = new ResizeObserver(() => {
      box.current = { top: panel.offsetTop, left: panel.offsetLeft, width: panel.offsetWidth, height: panel.offsetHeight };
    });
    observer.observe(panel);
    return () => observer.disconnect();
  }, [element, offstage]);
}
