"use client";

import { useEffect, useRef } from "react";

export const UNSAVED_MESSAGE = "Leave this page? Your changes are not saved.";

/**
 * Guards a half-filled form: while `dirty`, closing or reloading the tab asks first (beforeunload), and so
 * does following a link inside the app (a click on an `<a href>` is caught before Next's router sees it).
 * Call the returned `release()` just before navigating away after a successful save.
 */
export function useUnsavedChanges(dirty: boolean): () => void {
  const released = useRef(false);
  useEffect(() => {
    if (!dirty) return;
    released.current = false;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (released.current) return;
      e.preventDefault();
      e.returnValue = "";
    };
    const onClick = (e: MouseEvent) => {
      if (released.current || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.("a[href]");
      if (!link || link.getAttribute("target") === "_blank" || link.getAttribute("href")?.startsWith("#")) return;
      if (!window.confirm(UNSAVED_MESSAGE)) {
        e.preventDefault();
        e.stopPropagation();
      } else {
        released.current = true;
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);
  return () => {
    released.current = true;
  };
}
